package org.internationale.text.control;

import org.internationale.testing.Gettext;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;
import org.internationale.text.entity.PoSyntaxException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoFormatTest {

    @Test
    void readsContextsContinuationsEscapesFlagsAndPlurals() {
        PoCatalog catalog = PoReader.read("""
                # translator comment
                msgid ""
                msgstr ""
                "Language: ar\\n"
                "Content-Type: text/plain; charset=UTF-8\\n"

                #. extracted
                #, fuzzy, markdown-text
                msgctxt "demands.housing.halt-evictions"
                msgid "Immediate cessation "
                "of all \\"eviction\\" proceedings.\\n"
                msgstr "الوقف الفوري\\tلجميع إجراءات الإخلاء."

                msgctxt "ui.items"
                msgid "{0} item"
                msgid_plural "{0} items"
                msgstr[0] "a"
                msgstr[1] "b"

                #~ msgid "obsolete"
                #~ msgstr "skipped"
                """);
        assertEquals("ar", catalog.headerField("Language").orElseThrow());
        assertEquals(2, catalog.entries().size());
        PoEntry first = catalog.entries().get(0);
        assertEquals("demands.housing.halt-evictions", first.context());
        assertEquals("Immediate cessation of all \"eviction\" proceedings.\n", first.id());
        assertEquals("الوقف الفوري\tلجميع إجراءات الإخلاء.", first.translation());
        assertTrue(first.fuzzy());
        assertEquals(Set.of("fuzzy", "markdown-text"), first.flags());
        assertEquals(List.of("a", "b"), catalog.entries().get(1).translations());
        assertEquals("{0} items", catalog.entries().get(1).idPlural());
    }

    @Test
    void syntaxErrorsNameTheirLine() {
        PoSyntaxException unterminated = assertThrows(PoSyntaxException.class, () -> PoReader.read("msgid \"a\nmsgstr \"b\"\n"));
        assertEquals(1, unterminated.line());
        PoSyntaxException orphan = assertThrows(PoSyntaxException.class, () -> PoReader.read("msgid \"a\"\nmsgstr \"b\"\n\"c\" x\n"));
        assertEquals(3, orphan.line());
        assertThrows(PoSyntaxException.class, () -> PoReader.read("msgstr \"b\"\n"));
        assertThrows(PoSyntaxException.class, () -> PoReader.read("msgid \"a\"\nmsgstr \"\\q\"\n"));
        assertThrows(PoSyntaxException.class, () -> PoReader.read("msgid \"a\"\n"));
        assertThrows(PoSyntaxException.class, () -> PoReader.read(
                "msgctxt \"x\"\nmsgid \"a\"\nmsgstr \"1\"\n\nmsgctxt \"x\"\nmsgid \"a\"\nmsgstr \"2\"\n"));
        assertThrows(PoSyntaxException.class, () -> PoReader.read("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"x\"\nmsgstr[2] \"y\"\n"));
    }

    @Test
    void writtenCatalogsReadBackIdenticallyAndPassMsgfmt() throws Exception {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Project-Id-Version", "internationale-platform");
        header.put("Language", "ja");
        header.put("MIME-Version", "1.0");
        header.put("Content-Type", "text/plain; charset=UTF-8");
        header.put("Content-Transfer-Encoding", "8bit");
        header.put("Plural-Forms", "nplurals=1; plural=0;");
        PoCatalog catalog = new PoCatalog(header, List.of(
                new PoEntry("objectives.protect-workers", "Protect \"workers\"\\ now.", null,
                        List.of("労働者を「今」守る。"), Set.of(), List.of("#. source revision 3"), 0),
                new PoEntry("strategies.basic", "Line one\nline two\n", null, List.of("一行目\n二行目\n"), Set.of("fuzzy"), List.of(), 0),
                new PoEntry("ui.count", "{0} clause", "{0} clauses", List.of("{0} 条"), Set.of(), List.of(), 0)));
        String written = PoWriter.write(catalog);
        PoCatalog read = PoReader.read(written);
        assertEquals(catalog.header(), read.header());
        assertEquals(catalog.entries().size(), read.entries().size());
        for (int i = 0; i < catalog.entries().size(); i++) {
            PoEntry expected = catalog.entries().get(i);
            PoEntry actual = read.entries().get(i);
            assertEquals(expected.context(), actual.context());
            assertEquals(expected.id(), actual.id());
            assertEquals(expected.idPlural(), actual.idPlural());
            assertEquals(expected.translations(), actual.translations());
            assertEquals(expected.flags(), actual.flags());
            assertEquals(expected.comments(), actual.comments());
        }
        Gettext.Result check = Gettext.msgfmtCheck(written);
        assertTrue(check.ok(), check.output());
        assertFalse(written.contains("\r"));
    }

    /**
     * An outdated translation as a translator downloads it: extracted comments, then {@code fuzzy}, then the source it
     * was made from. GNU gettext stops with "syntax error" when a {@code #|} line comes before a {@code #.} line.
     */
    @Test
    void anOutdatedEntryIsWrittenInGettextsOrderAndItsPreviousSourceReadsBack() throws Exception {
        String previousSource = "Say \"no\" to C:\\ paths\tand tabs,\nover two lines 𝄞 and 👩🏽‍🏭.";
        PoEntry outdated = new PoEntry("doc:7.body", "Say \"yes\" now.", null, List.of("Di \"no\"\tya 𝄞."), Set.of("fuzzy"),
                List.of("#. source-revision: 2", "# a note from the translator", "#: content/doc.md:3", "#. state: outdated"),
                new PoEntry.Previous(null, previousSource, null), 0);
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Language", "es");
        header.put("Content-Type", "text/plain; charset=UTF-8");
        String written = PoWriter.write(new PoCatalog(header, List.of(outdated)));

        List<String> lines = written.lines().toList();
        int translator = lines.indexOf("# a note from the translator");
        int lastExtracted = lines.lastIndexOf("#. state: outdated");
        int reference = lines.indexOf("#: content/doc.md:3");
        int flags = lines.indexOf("#, fuzzy");
        int previous = lines.indexOf("#| msgid \"\"");
        int context = lines.indexOf("msgctxt \"doc:7.body\"");
        assertTrue(translator >= 0 && translator < lines.indexOf("#. source-revision: 2") && lastExtracted < reference
                && reference < flags && flags < previous && previous < context, written);
        assertTrue(lines.contains("#| \"Say \\\"no\\\" to C:\\\\ paths\\tand tabs,\\n\""), written);
        Gettext.Result check = Gettext.msgfmtCheck(written);
        assertTrue(check.ok(), check.output() + "\n" + written);

        PoEntry read = PoReader.read(written).entries().get(0);
        assertEquals(new PoEntry.Previous(null, previousSource, null), read.previous());
        assertEquals(outdated.translation(), read.translation());
        assertEquals(outdated.id(), read.id());
        assertEquals(written, PoWriter.write(PoReader.read(written)), "a written file reads back and writes the same");
    }

    /** The file gettext's own {@code msgmerge --previous} makes when a source changed: its previous strings are read. */
    @Test
    void readsThePreviousStringsMsgmergeWrites() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("msgmerge");
        try {
            java.nio.file.Path old = folder.resolve("es.po");
            java.nio.file.Path template = folder.resolve("new.pot");
            java.nio.file.Files.writeString(old, """
                    msgid ""
                    msgstr "Content-Type: text/plain; charset=UTF-8\\n"

                    msgctxt "demands.housing.shelter-for-all"
                    msgid "Guaranteed housing for all who lack shelter."
                    msgstr "Vivienda garantizada para todas las personas sin techo."
                    """, java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.writeString(template, """
                    msgid ""
                    msgstr "Content-Type: text/plain; charset=UTF-8\\n"

                    msgctxt "demands.housing.shelter-for-all"
                    msgid "Guaranteed permanent housing for all who lack shelter."
                    msgstr ""
                    """, java.nio.charset.StandardCharsets.UTF_8);
            Process merge = new ProcessBuilder("msgmerge", "--previous", "--quiet", "-o", "-", old.toString(), template.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String merged = new String(merge.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, merge.waitFor(), merged);
            assertTrue(merged.contains("#| msgid"), merged);
            PoEntry entry = PoReader.read(merged).entries().get(0);
            assertTrue(entry.fuzzy(), merged);
            assertEquals("Guaranteed housing for all who lack shelter.", entry.previous().id());
            assertEquals("Guaranteed permanent housing for all who lack shelter.", entry.id());
            assertTrue(entry.comments().stream().noneMatch(c -> c.startsWith("#|")), entry.comments().toString());
        } finally {
            try (var files = java.nio.file.Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aPreviousStringOutOfPlaceIsASyntaxErrorWithItsLine() {
        PoSyntaxException orphan = assertThrows(PoSyntaxException.class, () -> PoReader.read("""
                #, fuzzy
                #| "no keyword before"
                msgid "a"
                msgstr "b"
                """));
        assertEquals(2, orphan.line());
        assertThrows(PoSyntaxException.class, () -> PoReader.read("#| msgstr \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n"));
        assertThrows(PoSyntaxException.class, () -> PoReader.read("#| msgctxt \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n"));
        assertThrows(PoSyntaxException.class, () -> PoReader.read("#| msgid \"x\"\n\"plain continuation\"\nmsgid \"a\"\nmsgstr \"b\"\n"));
    }
}
