package org.internationale.translation.control;

import org.internationale.translation.entity.PoCatalog;
import org.internationale.translation.entity.PoEntry;

import java.util.Map;

/** Writes a catalogue as PO text that {@code msgfmt --check} accepts and {@link PoReader} reads back unchanged. */
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
        string(out, "msgstr", header.toString());
        for (PoEntry entry : catalog.entries()) {
            out.append('\n');
            for (String comment : entry.comments()) {
                out.append(comment).append('\n');
            }
            if (!entry.flags().isEmpty()) {
                out.append("#, ").append(String.join(", ", entry.flags().stream().sorted().toList())).append('\n');
            }
            if (entry.context() != null) {
                string(out, "msgctxt", entry.context());
            }
            string(out, "msgid", entry.id());
            if (entry.idPlural() != null) {
                string(out, "msgid_plural", entry.idPlural());
                for (int i = 0; i < entry.translations().size(); i++) {
                    string(out, "msgstr[" + i + "]", entry.translations().get(i));
                }
            } else {
                string(out, "msgstr", entry.translation());
            }
        }
        return out.toString();
    }

    /** Multi-line values are written one source line per PO line, as gettext's own tools do. */
    private static void string(StringBuilder out, String keyword, String value) {
        if (!value.contains("\n") || value.indexOf('\n') == value.length() - 1 && keyword.equals("msgid")) {
            out.append(keyword).append(' ').append(quote(value)).append('\n');
            return;
        }
        out.append(keyword).append(" \"\"\n");
        int from = 0;
        while (from < value.length()) {
            int newline = value.indexOf('\n', from);
            int to = newline < 0 ? value.length() : newline + 1;
            out.append(quote(value.substring(from, to))).append('\n');
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
