package org.internationale.platform.control;

import org.internationale.platform.entity.ClauseForm;
import org.internationale.platform.entity.SectionSource;
import org.internationale.system.control.SeedFiles;
import org.internationale.testing.Project;
import org.internationale.text.entity.ChangeKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformContentTest {

    static List<SectionSource> shipped() throws IOException {
        return PlatformContent.parse(SeedFiles.read(Project.content(), ".md"));
    }

    @Test
    void theShippedPlatformKeepsItsStructure() throws IOException {
        List<SectionSource> sections = shipped();
        List<SectionSource> demandGroups = sections.stream().filter(s -> "demands".equals(s.parent())).toList();
        assertEquals(List.of("I", "II", "III", "IV", "V", "VI"), demandGroups.stream().map(SectionSource::numeral).toList());
        assertEquals(List.of(5, 3, 2, 3, 5, 1), demandGroups.stream().map(s -> s.clauses().size()).toList());
        SectionSource objectives = sections.stream().filter(s -> s.id().equals("objectives")).findFirst().orElseThrow();
        assertEquals(3, objectives.clauses().size());
        assertTrue(objectives.clauses().stream().allMatch(c -> c.form() == ClauseForm.ITEM));
        assertTrue(sections.stream().anyMatch(s -> s.id().equals("pledge")));
        assertEquals("introduction", sections.get(0).id());
        assertEquals("pledge", sections.get(sections.size() - 1).id());
        assertTrue(sections.stream().flatMap(s -> s.clauses().stream()).anyMatch(c -> c.id().equals("demands.fair-treatment.sick-leave")
                && c.text().equals("Federally guarantee of 12 days of paid sick leave annually for all workers.")));
    }

    @Test
    void rewordingKeepsTheClauseId() {
        String before = file("Nobody shall be recalled to work against their will.");
        String after = file("No one shall be recalled to work against their will, ever.");
        SectionSource a = PlatformContent.parse(Map.of("x.md", before)).get(0);
        SectionSource b = PlatformContent.parse(Map.of("x.md", after)).get(0);
        assertEquals(a.clauses().get(0).id(), b.clauses().get(0).id());
        assertEquals("No one shall be recalled to work against their will, ever.", b.clauses().get(0).text());
        assertEquals(ChangeKind.MEANING, b.changeKind());
    }

    private static String file(String text) {
        return "---\nsection: demands.fair-treatment\norder: 1\ntitle: Fair\n---\n\n[//]: # (clause: demands.fair-treatment.no-forced-recall)\n- "
                + text + "\n";
    }

    @Test
    void mistakesAreReportedWithTheFile() {
        assertThrows(PlatformContent.ContentException.class, () -> PlatformContent.parse(Map.of("a.md", "no front matter")));
        assertThrows(PlatformContent.ContentException.class, () -> PlatformContent.parse(Map.of("a.md",
                "---\nsection: s\norder: 1\n---\n")), "title is required");
        assertThrows(PlatformContent.ContentException.class, () -> PlatformContent.parse(Map.of("a.md",
                "---\nsection: s\norder: 1\ntitle: T\n---\nstray text\n[//]: # (clause: s.a)\ntext\n")));
        assertThrows(PlatformContent.ContentException.class, () -> PlatformContent.parse(Map.of("a.md",
                "---\nsection: s\norder: 1\ntitle: T\n---\n[//]: # (clause: other.a)\ntext\n")), "clause outside its section");
        assertThrows(PlatformContent.ContentException.class, () -> PlatformContent.parse(Map.of("a.md",
                "---\nsection: s\norder: 1\ntitle: T\n---\n[//]: # (clause: s.a)\n\n")), "empty clause");
        assertThrows(PlatformContent.ContentException.class, () -> PlatformContent.parse(Map.of(
                "a.md", "---\nsection: s\norder: 1\ntitle: T\n---\n[//]: # (clause: s.a)\none\n",
                "b.md", "---\nsection: s\norder: 2\ntitle: T\n---\n[//]: # (clause: s.b)\ntwo\n")), "duplicate section");
        var e = assertThrows(PlatformContent.ContentException.class, () -> PlatformContent.parse(Map.of("a.md",
                "---\nsection: s\norder: 1\ntitle: T\nchange-kind: cosmetic\n---\n[//]: # (clause: s.a)\none\n")));
        assertTrue(e.getMessage().startsWith("a.md: "), e.getMessage());
    }

    @Test
    void frontMatterMayDeclareAChangeKind() {
        SectionSource section = PlatformContent.parse(Map.of("a.md",
                "---\nsection: s\norder: 1\ntitle: T\nchange-kind: typo\n---\n[//]: # (clause: s.a)\none\n")).get(0);
        assertEquals(ChangeKind.TYPO, section.changeKind());
    }
}
