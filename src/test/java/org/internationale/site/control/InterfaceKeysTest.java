package org.internationale.site.control;

import org.internationale.testing.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every interface text the templates and the web boundary ask for exists in {@code ui.pot}: a typo would otherwise
 * only show when someone opens that page. Keys built from a value (a state, a type) are checked for every value.
 */
class InterfaceKeysTest {

    private static final Pattern LITERAL = Pattern.compile("\\bt\\(\"([a-z0-9.-]+)\"");
    private static final Pattern POT_KEY = Pattern.compile("^msgctxt \"([^\"]+)\"", Pattern.MULTILINE);

    @Test
    void everyKeyAskedForIsInTheTemplate() throws IOException {
        Set<String> known = new TreeSet<>();
        Matcher pot = POT_KEY.matcher(Files.readString(Project.translations().resolve("ui.pot"), StandardCharsets.UTF_8));
        while (pot.find()) {
            known.add(pot.group(1));
        }
        Set<String> asked = new TreeSet<>();
        // every feature's pages and templates, wherever they live: a t("…") anywhere in the main code asks for a key
        for (Path folder : List.of(Project.root().resolve("src/main/java/org/internationale"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher literal = LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (literal.find()) {
                        if (!literal.group(1).endsWith(".")) {
                            asked.add(literal.group(1));
                        }
                    }
                }
            }
        }
        // a scan that finds nothing would leave only the keys listed below to check: one from each folder must be found
        assertTrue(asked.containsAll(Set.of("workspace.login", "workspace.login-failed")), "keys found: " + asked);
        for (String status : List.of("not-met", "partially-met", "won", "rolled-back")) {
            asked.add("demand.status." + status);
        }
        for (String change : List.of("added", "changed", "removed")) {
            asked.add("platform.change." + change);
        }
        for (String state : List.of("missing", "outdated", "draft", "submitted", "approved")) {
            asked.add("workspace.state." + state);
        }
        for (String state : List.of("draft", "in-review", "scheduled", "published", "archived")) {
            asked.add("workspace.doc-state." + state);
        }
        for (String type : List.of("update", "statement", "page", "newsletter")) {
            asked.add("workspace.type." + type);
        }
        for (String state : List.of("draft", "scheduled", "sending", "paused", "sent", "cancelled")) {
            asked.add("newsletter.state." + state);
        }
        asked.removeAll(known);
        assertEquals(Set.of(), asked, "interface texts missing from translations/ui.pot");
    }
}
