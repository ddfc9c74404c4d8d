package org.internationale.platform.control;

import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.parser.Parser;
import org.internationale.platform.entity.ClauseForm;
import org.internationale.platform.entity.SectionSource;
import org.internationale.platform.entity.SectionSource.ClauseSource;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.SegmentKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the platform's seed files ({@code content/platform/*.md}). Each file is one section: YAML front matter
 * ({@code section}, {@code title}, {@code order}, optional {@code parent}, {@code numeral}, {@code change-kind})
 * and clauses, each introduced by {@code [//]: # (clause: id)}. A clause whose text starts with {@code - } is a
 * list item. Mistakes in the files are reported with the file name, never guessed around.
 */
public final class PlatformContent {

    private static final Pattern MARKER = Pattern.compile("^\\[//]: # \\(clause: ([^)\\s]+)\\)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---[ \\t]*(\\R|\\z)", Pattern.DOTALL);
    private static final Parser FRONT_MATTER_PARSER = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

    private PlatformContent() {
    }

    /** Parses and validates all files; sections come back in order. */
    public static List<SectionSource> parse(Map<String, String> files) {
        List<SectionSource> sections = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            sections.add(parseFile(file.getKey(), file.getValue()));
        }
        sections.sort(Comparator.comparingInt(SectionSource::order).thenComparing(SectionSource::id));
        Set<String> ids = new HashSet<>();
        Set<String> sectionIds = new HashSet<>();
        for (SectionSource section : sections) {
            if (!sectionIds.add(section.id())) {
                throw new ContentException(section.file(), "section '" + section.id() + "' is defined twice");
            }
            ids.add(section.titleKey());
            for (ClauseSource clause : section.clauses()) {
                if (!ids.add(clause.id())) {
                    throw new ContentException(section.file(), "clause id '" + clause.id() + "' is used twice");
                }
            }
        }
        for (SectionSource section : sections) {
            if (section.parent() != null && !sectionIds.contains(section.parent())) {
                throw new ContentException(section.file(), "parent '" + section.parent() + "' is not a section");
            }
        }
        return sections;
    }

    static SectionSource parseFile(String name, String text) {
        String normalized = text.replace("\r\n", "\n");
        Matcher fm = FRONT_MATTER.matcher(normalized);
        if (!fm.find()) {
            throw new ContentException(name, "must start with front matter between '---' lines");
        }
        YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
        FRONT_MATTER_PARSER.parse(normalized.substring(0, fm.end())).accept(visitor);
        Map<String, List<String>> meta = visitor.getData();
        String id = required(name, meta, "section");
        try {
            new SegmentKey(id + ".title");
        } catch (IllegalArgumentException e) {
            throw new ContentException(name, "section id: " + e.getMessage());
        }
        String title = required(name, meta, "title");
        int order;
        try {
            order = Integer.parseInt(required(name, meta, "order"));
        } catch (NumberFormatException e) {
            throw new ContentException(name, "order must be a whole number");
        }
        ChangeKind kind;
        try {
            kind = optional(meta, "change-kind") == null ? ChangeKind.MEANING : ChangeKind.parse(optional(meta, "change-kind"));
        } catch (IllegalArgumentException e) {
            throw new ContentException(name, e.getMessage());
        }
        String body = normalized.substring(fm.end());
        List<ClauseSource> clauses = new ArrayList<>();
        Matcher marker = MARKER.matcher(body);
        int previousEnd = -1;
        String previousId = null;
        while (marker.find()) {
            if (previousId == null) {
                if (!body.substring(0, marker.start()).isBlank()) {
                    throw new ContentException(name, "text before the first clause marker belongs to no clause");
                }
            } else {
                clauses.add(clause(name, id, previousId, body.substring(previousEnd, marker.start())));
            }
            previousId = marker.group(1);
            previousEnd = marker.end();
        }
        if (previousId != null) {
            clauses.add(clause(name, id, previousId, body.substring(previousEnd)));
        } else if (!body.isBlank()) {
            throw new ContentException(name, "text without a clause marker '[//]: # (clause: id)'");
        }
        return new SectionSource(id, optional(meta, "parent"), order, optional(meta, "numeral"), title, kind, clauses, name);
    }

    private static ClauseSource clause(String file, String sectionId, String id, String raw) {
        try {
            new SegmentKey(id);
        } catch (IllegalArgumentException e) {
            throw new ContentException(file, e.getMessage());
        }
        if (!id.startsWith(sectionId + ".")) {
            throw new ContentException(file, "clause '" + id + "' must start with its section id '" + sectionId + ".'");
        }
        String text = raw.strip();
        ClauseForm form = ClauseForm.PARAGRAPH;
        if (text.startsWith("- ")) {
            form = ClauseForm.ITEM;
            text = text.substring(2).strip();
        }
        if (text.isEmpty()) {
            throw new ContentException(file, "clause '" + id + "' has no text");
        }
        return new ClauseSource(id, form, text);
    }

    private static String required(String file, Map<String, List<String>> meta, String key) {
        String value = optional(meta, key);
        if (value == null) {
            throw new ContentException(file, "front matter lacks '" + key + "'");
        }
        return value;
    }

    private static String optional(Map<String, List<String>> meta, String key) {
        List<String> values = meta.get(key);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    /** A seed file that cannot be imported as written. */
    public static class ContentException extends IllegalArgumentException {
        public ContentException(String file, String message) {
            super(file + ": " + message);
        }
    }
}
