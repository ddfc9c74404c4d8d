package org.internationale.text.control;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.entity.DiffRun;
import org.internationale.text.entity.DiffRun.Op;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordDiffTest {

    private static List<DiffRun> diff(String a, String b, String lang) {
        return WordDiff.diff(a, b, LanguageTag.of(lang));
    }

    private static String older(List<DiffRun> runs) {
        StringBuilder s = new StringBuilder();
        runs.stream().filter(r -> r.op() != Op.INSERT).forEach(r -> s.append(r.text()));
        return s.toString();
    }

    private static String newer(List<DiffRun> runs) {
        StringBuilder s = new StringBuilder();
        runs.stream().filter(r -> r.op() != Op.DELETE).forEach(r -> s.append(r.text()));
        return s.toString();
    }

    @Test
    void englishChangesWholeWords() {
        String a = "Federally guarantee of 12 days of paid sick leave annually for all workers.";
        String b = "Federally guarantee of 14 days of paid sick leave annually for all workers and carers.";
        List<DiffRun> runs = diff(a, b, "en");
        assertEquals(List.of(
                new DiffRun(Op.EQUAL, "Federally guarantee of "),
                new DiffRun(Op.DELETE, "12"),
                new DiffRun(Op.INSERT, "14"),
                new DiffRun(Op.EQUAL, " days of paid sick leave annually for all workers"),
                new DiffRun(Op.INSERT, " and carers"),
                new DiffRun(Op.EQUAL, ".")), runs);
        assertEquals(a, older(runs));
        assertEquals(b, newer(runs));
    }

    @Test
    void japaneseIsSegmentedIntoWordsWithoutSpaces() {
        assertEquals(List.of("労働", "者", "の", "権利"), WordDiff.tokens("労働者の権利", LanguageTag.of("ja")));
        List<DiffRun> runs = diff("すべての労働者に有給休暇を", "すべての労働者に病気休暇を", "ja");
        assertTrue(runs.contains(new DiffRun(Op.DELETE, "有給")), runs.toString());
        assertTrue(runs.contains(new DiffRun(Op.INSERT, "病気")), runs.toString());
        assertEquals("すべての労働者に", runs.get(0).text());
    }

    @Test
    void chineseIsSegmentedIntoWords() {
        List<String> tokens = WordDiff.tokens("工人阶级团结起来", LanguageTag.of("zh-Hans"));
        assertTrue(tokens.contains("工人") && tokens.contains("阶级"), tokens.toString());
        List<DiffRun> runs = diff("保障所有工人的带薪病假", "保障所有工人的带薪休假", "zh-Hans");
        assertEquals("保障所有工人的带薪", runs.get(0).text());
        assertEquals(new DiffRun(Op.DELETE, "病假"), runs.get(1));
        assertEquals(new DiffRun(Op.INSERT, "休假"), runs.get(2));
    }

    @Test
    void thaiIsSegmentedByDictionary() {
        // "workers must have the right to strike" — no spaces between Thai words
        List<String> tokens = WordDiff.tokens("คนงานต้องมีสิทธิ์นัดหยุดงาน", LanguageTag.of("th"));
        assertEquals(List.of("คน", "งาน", "ต้อง", "มี", "สิทธิ์", "นัด", "หยุด", "งาน"), tokens);
        String a = "คนงานต้องมีสิทธิ์นัดหยุดงาน";
        String b = "คนงานทุกคนต้องมีสิทธิ์นัดหยุดงาน";
        List<DiffRun> runs = diff(a, b, "th");
        assertEquals(List.of(new DiffRun(Op.EQUAL, "คนงาน"), new DiffRun(Op.INSERT, "ทุกคน"),
                new DiffRun(Op.EQUAL, "ต้องมีสิทธิ์นัดหยุดงาน")), runs);
        assertEquals(a, older(runs));
        assertEquals(b, newer(runs));
    }

    @Test
    void arabicWordsAndPunctuation() {
        String a = "الإضراب العام حق لكل العمال.";
        String b = "الإضراب العام حق لجميع العمال، دون استثناء.";
        List<DiffRun> runs = diff(a, b, "ar");
        assertEquals(new DiffRun(Op.EQUAL, "الإضراب العام حق "), runs.get(0));
        assertTrue(runs.contains(new DiffRun(Op.DELETE, "لكل")), runs.toString());
        assertTrue(runs.contains(new DiffRun(Op.INSERT, "لجميع")), runs.toString());
        assertEquals(a, older(runs));
        assertEquals(b, newer(runs));
    }

    @Test
    void identicalAndEmptyTexts() {
        assertEquals(List.of(new DiffRun(Op.EQUAL, "same")), diff("same", "same", "en"));
        assertEquals(List.of(new DiffRun(Op.INSERT, "new")), diff("", "new", "en"));
        assertEquals(List.of(), diff("", "", "en"));
    }
}
