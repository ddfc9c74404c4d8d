package org.internationale.search.control;

import com.ibm.icu.lang.UScript;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.internationale.locale.control.LanguageConfiguration;
import org.internationale.locale.entity.LanguageTag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each language's analyzer makes of the platform's own text, token by token: the term, where it stands in the
 * text (what the highlighter marks) and how many positions it moves on (a removed stop word leaves a gap that phrase
 * queries respect). Most phrases are the sick-leave demand as each shipped translation words it; the rest are titles
 * and passages from the same files.
 */
class LanguageAnalyzersTest {

    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

    /**
     * An expected token: where it starts in the text, the words of the text it stands for (so where it ends), the
     * term it becomes, and its position increment.
     */
    private record Token(int start, String surface, String term, int increment) {
    }

    private static Token token(int start, String surface, String term, int increment) {
        return new Token(start, surface, term, increment);
    }

    private static Token token(int start, String term, int increment) {
        return new Token(start, term, term, increment);
    }

    private void assertAnalyzes(String language, String text, Token... expected) throws IOException {
        assertAnalyzes(analyzers.of(LanguageTag.of(language)), text, 0, expected);
    }

    private void assertAnalyzes(String language, String text, int removedAtTheEnd, Token... expected) throws IOException {
        assertAnalyzes(analyzers.of(LanguageTag.of(language)), text, removedAtTheEnd, expected);
    }

    private void assertUniversal(String text, Token... expected) throws IOException {
        assertAnalyzes(analyzers.universal(), text, 0, expected);
    }

    /**
     * Lucene's own checks of a token stream, as BaseTokenStreamTestCase.assertAnalyzesTo makes them: exact terms,
     * offsets and increments, and the final offset and increment (stop words removed at the end); the stream refuses
     * use before reset() and after a missing close(); and the same tokens come out when the text arrives in odd-sized
     * reads or through a char filter. assertAnalyzesTo itself cannot be called from JUnit 5: it takes its random from
     * the JUnit 4 RandomizedRunner's context and throws without one. The three static methods it is made of need no
     * context, so they are called here directly, the consistency check with a seed of its own per text (the same
     * reads on every run).
     */
    private static void assertAnalyzes(Analyzer analyzer, String text, int removedAtTheEnd, Token... expected) throws IOException {
        String[] terms = new String[expected.length];
        int[] starts = new int[expected.length];
        int[] ends = new int[expected.length];
        int[] increments = new int[expected.length];
        for (int i = 0; i < expected.length; i++) {
            Token token = expected[i];
            assertTrue(text.startsWith(token.surface(), token.start()), "the expectation misplaces '" + token.surface() + "'");
            terms[i] = token.term();
            starts[i] = token.start();
            ends[i] = token.start() + token.surface().length();
            increments[i] = token.increment();
        }
        BaseTokenStreamTestCase.assertTokenStreamContents(analyzer.tokenStream("body", text), terms, starts, ends, null,
                increments, null, text.length(), removedAtTheEnd, null, true, null);
        BaseTokenStreamTestCase.checkResetException(analyzer, text);
        BaseTokenStreamTestCase.checkAnalysisConsistency(new Random(text.hashCode()), analyzer, true, text);
    }

    @Test
    void englishStemsAndDropsItsStopWords() throws IOException {
        assertAnalyzes("en", "Federally guarantee of 12 days of paid sick leave annually for all workers.",
                token(0, "Federally", "feder", 1), token(10, "guarantee", "guarante", 1), token(23, "12", 2),
                token(26, "days", "dai", 1), token(34, "paid", 2), token(39, "sick", 1), token(44, "leave", "leav", 1),
                token(50, "annually", "annual", 1), token(63, "all", 2), token(67, "workers", "worker", 1));
        assertAnalyzes("en", "strikes", token(0, "strikes", "strike", 1));
        assertAnalyzes("en", "strike", token(0, "strike", 1));
    }

    @Test
    void spanishStemsAndDropsItsStopWords() throws IOException {
        // the light stemmer leaves words under five letters alone, accent and all: días stays días
        assertAnalyzes("es", "Garantía federal de 12 días anuales de licencia por enfermedad remunerada para todos los trabajadores.",
                token(0, "Garantía", "garanti", 1), token(9, "federal", 1), token(20, "12", 2), token(23, "días", 1),
                token(28, "anuales", "anual", 1), token(39, "licencia", "licenci", 2), token(52, "enfermedad", 2),
                token(63, "remunerada", "remunerad", 1), token(89, "trabajadores", "trabajador", 4));
        assertAnalyzes("es", "huelgas", token(0, "huelgas", "huelg", 1));
        assertAnalyzes("es", "Huelga General", token(0, "Huelga", "huelg", 1), token(7, "General", "general", 1));
    }

    @Test
    void germanNormalisesAndStemsButDoesNotSplitCompounds() throws IOException {
        // the gender star splits a word in two; für and alle are stop words
        assertAnalyzes("de", "Bundesweite Garantie von 12 bezahlten Krankheitstagen pro Jahr für alle Arbeiter*innen.",
                token(0, "Bundesweite", "bundesweit", 1), token(12, "Garantie", "garanti", 1), token(25, "12", 2),
                token(28, "bezahlten", "bezahlt", 1), token(38, "Krankheitstagen", "krankheitstag", 1), token(54, "pro", 1),
                token(58, "Jahr", "jahr", 1), token(72, "Arbeiter", "arbeit", 3), token(81, "innen", "inn", 1));
        // so a search for "Streik" does not find the general strike
        assertAnalyzes("de", "Ziele des Generalstreiks 2020",
                token(0, "Ziele", "ziel", 1), token(10, "Generalstreiks", "generalstreik", 2), token(25, "2020", 1));
    }

    @Test
    void arabicNormalisesHamzaAndTanweenAndStripsTheArticle() throws IOException {
        assertAnalyzes("ar", "ضمان فيدرالي لإجازة مرضية مدفوعة الأجر مدتها 12 يومًا سنويًا لجميع العمال.",
                token(0, "ضمان", "ضم", 1), token(5, "فيدرالي", "فيدرال", 1), token(13, "لإجازة", "لاجاز", 1),
                token(20, "مرضية", "مرض", 1), token(26, "مدفوعة", "مدفوع", 1), token(33, "الأجر", "اجر", 1),
                token(39, "مدتها", "مدت", 1), token(45, "12", 1), token(48, "يومًا", "يوما", 1), token(54, "سنويًا", "سنويا", 1),
                token(61, "لجميع", 1), token(67, "العمال", "عمال", 1));
    }

    @Test
    void persianFoldsItsLettersToArabicOnesAndDropsItsStopWords() throws IOException {
        assertAnalyzes("fa", "تضمین فدرال 12 روز مرخصی استعلاجی با حقوق در سال برای همهٔ کارگران.",
                token(0, "تضمین", "تضمين", 1), token(6, "فدرال", 1), token(12, "12", 1), token(15, "روز", 1),
                token(19, "مرخصی", "مرخصي", 1), token(25, "استعلاجی", "استعلاجي", 1), token(37, "حقوق", 2), token(45, "سال", 2),
                token(59, "کارگران", "كارگران", 3));
    }

    @Test
    void persianZeroWidthNonJoinerIsTheSameAtIndexAndQueryTime() throws IOException {
        // "spontaneous strikes and mutual aid networks", as the translation writes it (with the ZWNJ that Persian
        // orthography asks for before the plural) and as a searcher may type it (with a space)
        Token[] strikes = {token(0, "اعتصاب", 1), token(11, "خودجوش", 2), token(20, "شبکه", "شبكه", 2), token(29, "کمک", "كمك", 2),
                token(33, "متقابل", 1)};
        assertAnalyzes("fa", "اعتصاب\u200Cهای خودجوش و شبکه\u200Cهای کمک متقابل", strikes);
        assertAnalyzes("fa", "اعتصاب های خودجوش و شبکه های کمک متقابل", strikes);
        // "the revenge of their employers and the capitalist state": a compound joined by the ZWNJ is two tokens
        Token[] revenge = {token(0, "انتقام", 1), token(7, "جویی", "جويي", 1), token(12, "کارفرمایانشان", "كارفرمايانشان", 1),
                token(28, "دولت", 2), token(33, "سرمایه", "سرمايه", 1), token(40, "داری", "داري", 1)};
        assertAnalyzes("fa", "انتقام\u200Cجویی کارفرمایانشان و دولت سرمایه\u200Cداری", revenge);
        assertAnalyzes("fa", "انتقام جویی کارفرمایانشان و دولت سرمایه داری", revenge);
    }

    @Test
    void hindiNormalisesNuktaViramaAndVowelLengthAndStems() throws IOException {
        assertAnalyzes("hi", "सभी मज़दूरों के लिए हर साल 12 दिनों की सवेतन बीमारी छुट्टी की संघीय गारंटी।",
                token(4, "मज़दूरों", "मजदुर", 2), token(20, "हर", 3), token(23, "साल", 1), token(27, "12", 1),
                token(30, "दिनों", "दिन", 1), token(39, "सवेतन", 2), token(45, "बीमारी", "बिमार", 1), token(52, "छुट्टी", "छुटट", 1),
                token(62, "संघीय", "संघिय", 2), token(68, "गारंटी", "गारंट", 1));
    }

    @Test
    void russianStemsAndDropsItsStopWords() throws IOException {
        assertAnalyzes("ru", "Федеральная гарантия 12 дней оплачиваемого больничного в год для всех трудящихся.",
                token(0, "Федеральная", "федеральн", 1), token(12, "гарантия", "гарант", 1), token(21, "12", 1),
                token(24, "дней", "дне", 1), token(29, "оплачиваемого", "оплачива", 1), token(43, "больничного", "больничн", 1),
                token(57, "год", 2), token(70, "трудящихся", "трудя", 3));
        assertAnalyzes("ru", "забастовки", token(0, "забастовки", "забастовк", 1));
        assertAnalyzes("ru", "забастовка", token(0, "забастовка", "забастовк", 1));
    }

    @Test
    void turkishDottedAndDotlessIMeet() throws IOException {
        assertAnalyzes("tr", "İşçilere Adil Muamele",
                token(0, "İşçilere", "işçi", 1), token(9, "Adil", "adil", 1), token(14, "Muamele", "muamel", 1));
        assertAnalyzes("tr", "İŞÇİLER işçiler", token(0, "İŞÇİLER", "işçi", 1), token(8, "işçiler", "işçi", 1));
        assertAnalyzes("tr", "İSTANBUL Istanbul istanbul",
                token(0, "İSTANBUL", "istanbul", 1), token(9, "Istanbul", "istanbul", 1), token(18, "istanbul", 1));
        // ı is folded to i before stemming, on both sides of a search
        assertAnalyzes("tr", "Tüm işçiler için yılda 12 günlük ücretli hastalık izninin federal düzeyde güvence altına alınması.",
                token(4, "işçiler", "işçi", 2), token(17, "yılda", "yilda", 2), token(23, "12", 1), token(26, "günlük", 1),
                token(33, "ücretli", 1), token(41, "hastalık", "hastalik", 1), token(50, "izninin", "izni", 1),
                token(58, "federal", 1), token(66, "düzeyde", "düzey", 1), token(74, "güvence", "güve", 1),
                token(82, "altına", "alt", 1), token(89, "alınması", "alinmas", 1));
    }

    @Test
    void chineseIsIndexedAsSimplifiedBigramsSoTraditionalTextMeetsIt() throws IOException {
        assertAnalyzes("zh-Hans", "由联邦保障所有工人每年享有 12 天带薪病假。",
                token(0, "由联", 1), token(1, "联邦", 1), token(2, "邦保", 1), token(3, "保障", 1), token(4, "障所", 1),
                token(5, "所有", 1), token(6, "有工", 1), token(7, "工人", 1), token(8, "人每", 1), token(9, "每年", 1),
                token(10, "年享", 1), token(11, "享有", 1), token(14, "12", 1), token(17, "天带", 1), token(18, "带薪", 1),
                token(19, "薪病", 1), token(20, "病假", 1));
        assertAnalyzes("zh-Hans", "团结与原则誓约",
                token(0, "团结", 1), token(1, "结与", 1), token(2, "与原", 1), token(3, "原则", 1), token(4, "则誓", 1),
                token(5, "誓约", 1));
        // the same title in Traditional characters: the same terms, at the Traditional text's own offsets
        assertAnalyzes("zh-Hans", "團結與原則誓約",
                token(0, "團結", "团结", 1), token(1, "結與", "结与", 1), token(2, "與原", "与原", 1), token(3, "原則", "原则", 1),
                token(4, "則誓", "则誓", 1), token(5, "誓約", "誓约", 1));
    }

    @Test
    void japaneseIsSegmentedIntoWordsWithoutItsParticles() throws IOException {
        // の, に, を, が and the closing すること go; 労働者 is searched as 労働 and 者
        assertAnalyzes("ja", "すべての労働者に年12日の有給病気休暇を連邦政府が保障すること。", 2,
                token(0, "すべて", 1), token(4, "労働", 2), token(6, "者", 1), token(8, "年", 2), token(9, "12", 1),
                token(11, "日", 1), token(13, "有給", 2), token(15, "病気", 1), token(17, "休暇", 1), token(20, "連邦", 2),
                token(22, "政府", 1), token(25, "保障", 2));
    }

    @Test
    void koreanIsSegmentedIntoMorphemesWithoutItsParticles() throws IOException {
        assertAnalyzes("ko", "모든 노동자에게 연간 12일의 유급 병가를 연방 차원에서 보장할 것.",
                token(3, "노동", 2), token(5, "자", 1), token(9, "연간", 2), token(12, "12", 1), token(14, "일", 1),
                token(17, "유급", 2), token(20, "병가", 1), token(24, "연방", 2), token(27, "차원", 1), token(32, "보장", 2),
                token(36, "것", 3));
    }

    @Test
    void thaiIsSegmentedByDictionaryWithoutItsStopWords() throws IOException {
        // "workers of the world, in every language": ใน (in) and ทุก (every) go
        assertAnalyzes("th", "กรรมกรทั่วโลก ในทุกภาษา",
                token(0, "กรรมกร", 1), token(6, "ทั่ว", 1), token(10, "โลก", 1), token(19, "ภาษา", 3));
    }

    @Test
    void swahiliHasStopWordsOfItsOwn() throws IOException {
        assertAnalyzes("sw", "Malengo ya Mgomo Mkuu 2020",
                token(0, "Malengo", "malengo", 1), token(11, "Mgomo", "mgomo", 2), token(17, "Mkuu", "mkuu", 1), token(22, "2020", 1));
    }

    @Test
    void universalFoldingKeepsDevanagariBengaliAndThaiMarks() throws IOException {
        // श्रमिक (worker): the virama ् must survive, or distinct words collapse
        assertUniversal("श्रमिक", token(0, "श्रमिक", 1));
        assertUniversal("শ্রমিক", token(0, "শ্রমিক", 1));
        // Thai tone marks distinguish words: ใหม่ (new) is not ใหม (silk)
        assertUniversal("ใหม่", token(0, "ใหม่", 1));
        assertUniversal("ใหม", token(0, "ใหม", 1));
    }

    @Test
    void diacriticsAndCaseAreOptionalInTheUniversalField() throws IOException {
        assertUniversal("São Paulo", token(0, "São", "sao", 1), token(4, "Paulo", "paulo", 1));
        assertUniversal("HUELGA GENERAL", token(0, "HUELGA", "huelga", 1), token(7, "GENERAL", "general", 1));
    }

    @Test
    void universalHanBigramsMeetAcrossTraditionalAndSimplified() throws IOException {
        assertUniversal("工人阶级", token(0, "工人", 1), token(1, "人阶", 1), token(2, "阶级", 1));
        assertUniversal("工人階級", token(0, "工人", 1), token(1, "人階", "人阶", 1), token(2, "階級", "阶级", 1));
    }

    @Test
    void warmUpTextReachesTheScriptOfEveryShippedLanguage() {
        // the start-up warm-up loads a script's segmentation only if its text has words in that script
        for (String tag : LanguageConfiguration.DEFAULT_LANGUAGES.split(",")) {
            LanguageTag language = LanguageTag.of(tag.strip());
            // the writing systems of Chinese, Japanese and Korean are named as a whole; their characters as one script
            String script = switch (language.likely().getScript()) {
                case "Hans", "Hant", "Jpan" -> "Hani";
                case "Kore" -> "Hang";
                default -> language.likely().getScript();
            };
            int code = UScript.getCodeFromName(script);
            assertTrue(SearchIndex.WARM_UP_TEXT.codePoints().anyMatch(cp -> UScript.getScript(cp) == code),
                    language + ": the warm-up text has nothing in " + script);
            List<String> ownScript = LanguageAnalyzers.tokens(analyzers.of(language), SearchIndex.WARM_UP_TEXT).stream()
                    .filter(token -> token.codePoints().anyMatch(cp -> UScript.getScript(cp) == code))
                    .toList();
            assertFalse(ownScript.isEmpty(), language + ": no token in " + script);
        }
    }

    @Test
    void analyzersAreKeptPerKindNeverPerTagSoRequestedTagsCannotFillTheMemory() {
        LanguageAnalyzers fresh = new LanguageAnalyzers();
        for (int i = 0; i < 5_000; i++) {
            fresh.of(LanguageTag.of("en-x-" + Integer.toString(i, 36) + "zz"));
            fresh.of(LanguageTag.of("q" + (char) ('a' + i % 20) + "-" + (1000 + i % 9000)));
        }
        assertEquals(1, fresh.kept(), "every English variant shares one analyzer; unknown languages share the universal one, kept nowhere");
        assertEquals(fresh.universal(), fresh.of(LanguageTag.of("qaa")));
        assertNotEquals(fresh.of(LanguageTag.of("pt")), fresh.of(LanguageTag.of("pt-BR")), "Brazilian Portuguese has its own stemmer");
        assertEquals(3, fresh.kept());
    }
}
