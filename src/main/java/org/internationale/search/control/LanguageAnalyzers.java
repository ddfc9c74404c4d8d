package org.internationale.search.control;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.br.BrazilianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.morfologik.MorfologikAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.internationale.locale.entity.LanguageTag;
import org.tartarus.snowball.ext.TurkishStemmer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyzer of each language's fields, and the universal one. Lucene's own analyzers where Lucene has one;
 * ICU segmentation and folding for the rest. Built once per language and shared: analyzers are thread-safe.
 */
public final class LanguageAnalyzers {

    /** ICU folding everywhere except the scripts whose marks it would strip: Devanagari, Bengali, Thai. */
    static final FilteredNormalizer2 FOLDING_OUTSIDE_INDIC_AND_THAI = new FilteredNormalizer2(ICUFoldingFilter.NORMALIZER,
            new UnicodeSet("[^[:Deva:][:Beng:][:Thai:]]").freeze());

    private static final NormalizeCharMap TURKISH_I;

    static {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("I", "i");
        builder.add("İ", "i");
        builder.add("ı", "i");
        builder.add("i̇", "i");
        TURKISH_I = builder.build();
    }

    private final Map<String, Analyzer> byKind = new ConcurrentHashMap<>();
    private final Analyzer universal = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            // Han as single characters, made Simplified, then paired: Traditional and Simplified text, which ICU's
            // dictionary would segment differently, meet as the same bigrams
            Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
            TokenStream stream = new ICUTransformFilter(tokenizer, Transliterator.getInstance("Traditional-Simplified"));
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(stream, FOLDING_OUTSIDE_INDIC_AND_THAI));
        }
    };

    public Analyzer universal() {
        return universal;
    }

    /**
     * Kept per kind of analyzer, never per tag: a tag can come from a request, and every well-formed tag would
     * otherwise stay in memory. A language without an analyzer of its own gets the universal one, kept nowhere.
     */
    public Analyzer of(LanguageTag language) {
        String kind = kind(language);
        Analyzer kept = byKind.get(kind);
        if (kept != null) {
            return kept;
        }
        Analyzer made = create(kind);
        return made == universal ? universal : byKind.computeIfAbsent(kind, k -> made);
    }

    int kept() {
        return byKind.size();
    }

    /** The field language, but Brazilian Portuguese apart: it has a stemmer of its own. */
    private static String kind(LanguageTag language) {
        String fl = fieldLanguage(language);
        return fl.equals("pt") && "BR".equals(language.locale().getCountry()) ? "pt-BR" : fl;
    }

    /**
     * The analyzer of the whole index: each offered language's {@code title_}/{@code body_} fields with that language's
     * analyzer, every other field with the universal one.
     */
    public Analyzer perField(Collection<LanguageTag> offered) {
        Map<String, Analyzer> perField = new HashMap<>();
        for (LanguageTag language : offered) {
            String fl = fieldLanguage(language);
            perField.put("title_" + fl, of(language));
            perField.put("body_" + fl, of(language));
        }
        return new PerFieldAnalyzerWrapper(universal, perField);
    }

    /** The tokens an analyzer makes of a text for a field, at most a thousand. */
    static List<String> tokens(Analyzer analyzer, String text) {
        return tokens(analyzer, "body", text);
    }

    static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && tokens.size() < 1000) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The field-set name of a language: its language subtag, with the script where it matters (zh-Hans → zh). */
    public static String fieldLanguage(LanguageTag language) {
        return language.locale().getLanguage().toLowerCase(Locale.ROOT);
    }

    private Analyzer create(String kind) {
        return switch (kind) {
            case "en" -> new EnglishAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "pt-BR" -> new BrazilianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            case "fa" -> new PersianAnalyzer();
            case "hi" -> new HindiAnalyzer();
            case "bn" -> new BengaliAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "uk" -> new UkrainianMorfologikAnalyzer();
            case "tr" -> turkish();
            case "id" -> new IndonesianAnalyzer();
            case "ja" -> new JapaneseAnalyzer();
            case "ko" -> new KoreanAnalyzer();
            case "th" -> new ThaiAnalyzer();
            // Polish inflects nouns in seven cases: Morfologik's dictionary gives each word its lemmas
            case "pl" -> new MorfologikAnalyzer();
            case "ro" -> new RomanianAnalyzer();
            case "ne" -> new NepaliAnalyzer();
            case "zh" -> universal;
            case "sw" -> icu(SWAHILI_STOPWORDS);
            case "he" -> icu(HEBREW_STOPWORDS);
            case "vi" -> icu(VIETNAMESE_STOPWORDS);
            case "tl", "fil" -> icu(TAGALOG_STOPWORDS);
            default -> universal;
        };
    }

    /** Turkish: dotted and dotless i folded together first, then Lucene's Turkish chain (apostrophe, stop words, stemmer). */
    private static Analyzer turkish() {
        CharArraySet stopwords = TurkishAnalyzer.getDefaultStopSet();
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(TURKISH_I, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ApostropheFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, stopwords);
                return new TokenStreamComponents(tokenizer, new SnowballFilter(stream, new TurkishStemmer()));
            }

            @Override
            protected Reader initReaderForNormalization(String field, Reader reader) {
                return new MappingCharFilter(TURKISH_I, reader);
            }
        };
    }

    /** ICU word segmentation, folding and stop words, for languages Lucene has no analyzer of its own for. */
    private Analyzer icu(CharArraySet stopwords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new ICUTokenizer();
                TokenStream stream = new ICUFoldingFilter(tokenizer, FOLDING_OUTSIDE_INDIC_AND_THAI);
                return new TokenStreamComponents(tokenizer, new StopFilter(stream, stopwords));
            }
        };
    }

    static final CharArraySet SWAHILI_STOPWORDS = new CharArraySet(java.util.List.of(
            "na", "ya", "wa", "za", "kwa", "la", "katika", "ni", "kuwa", "cha", "vya", "hii", "huo", "hiyo", "ambao", "ambayo",
            "au", "lakini", "pia", "kama", "hata", "sisi", "wao", "yeye", "wewe", "mimi", "kila", "hadi", "bila", "juu"), true);
    static final CharArraySet HEBREW_STOPWORDS = new CharArraySet(java.util.List.of(
            "של", "את", "על", "עם", "זה", "זו", "הוא", "היא", "הם", "הן", "אנחנו", "אני", "אתה", "לא", "כי", "גם", "או", "אבל",
            "כל", "יש", "אין", "אשר", "מה", "מי", "אל", "עד", "בין"), true);
    static final CharArraySet VIETNAMESE_STOPWORDS = new CharArraySet(java.util.List.of(
            "va", "cua", "cac", "nhung", "la", "co", "duoc", "cho", "voi", "trong", "mot", "nay", "khong", "de", "thi", "se",
            "da", "dang", "tu", "ve", "nhu", "khi", "ma"), true);
    static final CharArraySet TAGALOG_STOPWORDS = new CharArraySet(java.util.List.of(
            "ang", "ng", "sa", "na", "at", "mga", "ay", "si", "ni", "kay", "ito", "iyon", "iyan", "para", "kung", "pero", "hindi",
            "din", "rin", "lang", "ko", "mo", "niya", "namin", "natin", "nila"), true);
}
