package org.internationale.text.control;

import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;

import java.util.Comparator;
import java.util.Map;

/**
 * Writes a catalogue as PO text that {@code msgfmt --check} accepts and {@link PoReader} reads back unchanged. Each
 * entry's lines come in the order GNU gettext requires and Poedit, Weblate and the translate-toolkit expect:
 * translator comments, extracted comments ({@code #.}), references ({@code #:}), flags ({@code #,}), previous strings
 * ({@code #|}), then the entry; gettext's parser rejects a file with a {@code #|} line before a {@code #.}.
 */
public final class PoWriter {

    private PoWriter() {
    }

    public static String write(PoCatalog catalog) {
        StringBuilder out = new StringBuilder();
        StringBuilder header = new StringBuilder();
        for (Map.Entry<String, String> field : catalog.header().entrySet()) {
            header.append(field.getKey()).append(": ").append(field.getValue()).append('\n');
        }
        out.append("msgid \"\"\n");
        string(out, "", "msgstr", header.toString());
        for (PoEntry entry : catalog.entries()) {
            out.append('\n');
            entry.comments().stream().sorted(Comparator.comparingInt(PoWriter::commentRank))
                    .forEach(comment -> out.append(comment).append('\n'));
            if (!entry.flags().isEmpty()) {
                out.append("#, ").append(String.join(", ", entry.flags().stream().sorted().toList())).append('\n');
            }
            PoEntry.Previous previous = entry.previous();
            if (previous != null) {
                if (previous.context() != null) {
                    string(out, "#| ", "msgctxt", previous.context());
                }
                string(out, "#| ", "msgid", previous.id());
                if (previous.idPlural() != null) {
                    string(out, "#| ", "msgid_plural", previous.idPlural());
                }
            }
            if (entry.context() != null) {
                string(out, "", "msgctxt", entry.context());
            }
            string(out, "", "msgid", entry.id());
            if (entry.idPlural() != null) {
                string(out, "", "msgid_plural", entry.idPlural());
                for (int i = 0; i < entry.translations().size(); i++) {
                    string(out, "", "msgstr[" + i + "]", entry.translations().get(i));
                }
            } else {
                string(out, "", "msgstr", entry.translation());
            }
        }
        return out.toString();
    }

    /**
     * Gettext's order of comment lines: translator comments ({@code # }), extracted ({@code #.}), references
     * ({@code #:}); any other kind after them. The sort is stable, so lines of one kind keep their order.
     */
    private static int commentRank(String comment) {
        if (comment.startsWith("#.")) {
            return 1;
        }
        if (comment.startsWith("#:")) {
            return 2;
        }
        return comment.length() < 2 || Character.isWhitespace(comment.charAt(1)) ? 0 : 3;
    }

    /**
     * Multi-line values are written one source line per PO line, as gettext's own tools do; {@code prefix} is
     * {@code "#| "} for a previous string, whose every line carries it.
     */
    private static void string(StringBuilder out, String prefix, String keyword, String value) {
        if (!value.contains("\n") || value.indexOf('\n') == value.length() - 1 && keyword.equals("msgid")) {
            out.append(prefix).append(keyword).append(' ').append(quote(value)).append('\n');
            return;
        }
        out.append(prefix).append(keyword).append(" \"\"\n");
        int from = 0;
        while (from < value.length()) {
            int newline = value.indexOf('\n', from);
            int to = newline < 0 ? value.length() : newline + 1;
            out.append(prefix).append(quote(value.substring(from, to))).append('\n');
            from = to;
        }
    }

    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
