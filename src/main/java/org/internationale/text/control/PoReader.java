package org.internationale.text.control;

import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;
import org.internationale.text.entity.PoSyntaxException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parses gettext PO text: comments and flags, previous strings ({@code #| msgctxt}, {@code #| msgid},
 * {@code #| msgid_plural}, continued on {@code #| "…"} lines), {@code msgctxt}, {@code msgid}, {@code msgid_plural},
 * {@code msgstr} and {@code msgstr[n]}, continued string lines and C escapes. Obsolete ({@code #~}) entries
 * are skipped, as gettext's tools do. Anything else is a {@link PoSyntaxException} with its line.
 */
public final class PoReader {

    private PoReader() {
    }

    public static PoCatalog read(String text) {
        List<PoEntry> entries = new ArrayList<>();
        Map<String, String> header = new LinkedHashMap<>();
        Builder current = new Builder();
        String[] lines = text.split("\r?\n", -1);
        int start = lines.length > 0 && lines[0].startsWith("\uFEFF") ? 1 : 0;
        if (start == 1) {
            lines[0] = lines[0].substring(1);
            start = 0;
        }
        StringBuilder target = null;
        for (int i = start; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#~")) {
                continue;
            }
            if (line.startsWith("#")) {
                if (current.hasKeyword()) {
                    finish(current, entries, header);
                    current = new Builder();
                }
                current.startLine(lineNumber);
                if (line.startsWith("#|")) {
                    target = previous(current, line.substring(2).strip(), lineNumber, target);
                    continue;
                }
                if (line.startsWith("#,")) {
                    for (String flag : line.substring(2).split(",")) {
                        if (!flag.isBlank()) {
                            current.flags.add(flag.strip());
                        }
                    }
                } else {
                    current.comments.add(line);
                }
                target = null;
                continue;
            }
            if (line.startsWith("\"")) {
                if (target == null || current.previousStrings.containsValue(target)) {
                    throw new PoSyntaxException(lineNumber, "a string continuation must follow a keyword");
                }
                target.append(unquote(line, lineNumber));
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new PoSyntaxException(lineNumber, "expected a keyword followed by a quoted string");
            }
            String keyword = line.substring(0, space);
            String value = unquote(line.substring(space + 1).strip(), lineNumber);
            switch (keyword) {
                case "msgctxt" -> {
                    if (current.hasKeyword()) {
                        finish(current, entries, header);
                        current = new Builder();
                    }
                    current.startLine(lineNumber);
                    current.context = new StringBuilder(value);
                    target = current.context;
                }
                case "msgid" -> {
                    if (current.id != null) {
                        finish(current, entries, header);
                        current = new Builder();
                    }
                    current.startLine(lineNumber);
                    current.id = new StringBuilder(value);
                    target = current.id;
                }
                case "msgid_plural" -> {
                    requireId(current, lineNumber, keyword);
                    current.idPlural = new StringBuilder(value);
                    target = current.idPlural;
                }
                case "msgstr" -> {
                    requireId(current, lineNumber, keyword);
                    if (current.idPlural != null) {
                        throw new PoSyntaxException(lineNumber, "a plural entry needs msgstr[0], msgstr[1], …");
                    }
                    target = new StringBuilder(value);
                    current.strings.put(0, target);
                }
                default -> {
                    if (keyword.startsWith("msgstr[") && keyword.endsWith("]")) {
                        requireId(current, lineNumber, keyword);
                        int index;
                        try {
                            index = Integer.parseInt(keyword.substring(7, keyword.length() - 1));
                        } catch (NumberFormatException e) {
                            throw new PoSyntaxException(lineNumber, "bad plural index in " + keyword);
                        }
                        if (current.idPlural == null) {
                            throw new PoSyntaxException(lineNumber, keyword + " needs a msgid_plural");
                        }
                        target = new StringBuilder(value);
                        current.strings.put(index, target);
                    } else {
                        throw new PoSyntaxException(lineNumber, "unknown keyword '" + keyword + "'");
                    }
                }
            }
        }
        if (current.id != null || current.context != null) {
            finish(current, entries, header);
        }
        return new PoCatalog(header, entries);
    }

    /** One {@code #|} line: a previous keyword with its string, or a continuation of the one before. */
    private static StringBuilder previous(Builder current, String rest, int lineNumber, StringBuilder continued) {
        if (rest.startsWith("\"")) {
            if (continued == null || !current.previousStrings.containsValue(continued)) {
                throw new PoSyntaxException(lineNumber, "a '#| \"…\"' continuation must follow a previous msgctxt or msgid");
            }
            continued.append(unquote(rest, lineNumber));
            return continued;
        }
        int space = rest.indexOf(' ');
        String keyword = space < 0 ? rest : rest.substring(0, space);
        if (space < 0 || !List.of("msgctxt", "msgid", "msgid_plural").contains(keyword)) {
            throw new PoSyntaxException(lineNumber, "a '#|' line holds a previous msgctxt, msgid or msgid_plural");
        }
        if (current.previousStrings.containsKey(keyword)) {
            throw new PoSyntaxException(lineNumber, "a second previous " + keyword + " in one entry");
        }
        StringBuilder value = new StringBuilder(unquote(rest.substring(space + 1).strip(), lineNumber));
        current.previousStrings.put(keyword, value);
        return value;
    }

    private static void requireId(Builder current, int line, String keyword) {
        if (current.id == null) {
            throw new PoSyntaxException(line, keyword + " without a msgid before it");
        }
    }

    private static void finish(Builder b, List<PoEntry> entries, Map<String, String> header) {
        if (b.id == null) {
            throw new PoSyntaxException(b.line, "an entry without msgid");
        }
        if (b.strings.isEmpty()) {
            throw new PoSyntaxException(b.line, "an entry without msgstr");
        }
        List<String> strings = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<Integer, StringBuilder> e : b.strings.entrySet()) {
            if (e.getKey() != expected++) {
                throw new PoSyntaxException(b.line, "plural forms must be numbered from 0 without gaps");
            }
            strings.add(e.getValue().toString());
        }
        PoEntry.Previous previous = null;
        if (!b.previousStrings.isEmpty()) {
            StringBuilder previousId = b.previousStrings.get("msgid");
            if (previousId == null) {
                throw new PoSyntaxException(b.line, "a previous msgctxt or msgid_plural without a previous msgid");
            }
            StringBuilder previousContext = b.previousStrings.get("msgctxt");
            StringBuilder previousPlural = b.previousStrings.get("msgid_plural");
            previous = new PoEntry.Previous(previousContext == null ? null : previousContext.toString(), previousId.toString(),
                    previousPlural == null ? null : previousPlural.toString());
        }
        PoEntry entry = new PoEntry(b.context == null ? null : b.context.toString(), b.id.toString(),
                b.idPlural == null ? null : b.idPlural.toString(), strings, b.flags, b.comments, previous, b.line);
        if (entry.isHeader()) {
            for (String field : entry.translation().split("\n")) {
                int colon = field.indexOf(':');
                if (colon > 0) {
                    header.put(field.substring(0, colon).strip(), field.substring(colon + 1).strip());
                }
            }
        } else {
            for (PoEntry other : entries) {
                if (other.id().equals(entry.id()) && java.util.Objects.equals(other.context(), entry.context())) {
                    throw new PoSyntaxException(b.line, "duplicate entry (msgctxt " + entry.context()
                            + ") first defined at line " + other.line());
                }
            }
            entries.add(entry);
        }
    }

    static String unquote(String quoted, int line) {
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            throw new PoSyntaxException(line, "expected a string in double quotes");
        }
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                throw new PoSyntaxException(line, "unescaped double quote inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw new PoSyntaxException(line, "a string ends with a lone backslash");
            }
            char e = body.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case '\\', '"', '\'', '?' -> out.append(e);
                default -> throw new PoSyntaxException(line, "unknown escape \\" + e);
            }
        }
        return out.toString();
    }

    private static final class Builder {
        int line;
        StringBuilder context;
        StringBuilder id;
        StringBuilder idPlural;
        final TreeMap<Integer, StringBuilder> strings = new TreeMap<>();
        final Set<String> flags = new LinkedHashSet<>();
        final List<String> comments = new ArrayList<>();
        final Map<String, StringBuilder> previousStrings = new LinkedHashMap<>();

        boolean hasKeyword() {
            return id != null || context != null;
        }

        void startLine(int number) {
            if (line == 0) {
                line = number;
            }
        }
    }
}
