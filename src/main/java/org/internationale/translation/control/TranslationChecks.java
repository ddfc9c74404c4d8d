package org.internationale.translation.control;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.PluralRules;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.control.MessageFormats;
import org.internationale.translation.entity.GlossaryTerm;
import org.internationale.translation.entity.QaWarning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quality checks run on every save; they warn, never block (a translator may have good reasons). Each warning
 * names its check and, where something is extra or wrong, its place in the translation.
 *
 * <ul>
 *   <li>{@code markdown}: the same links (same targets), emphasis, strong emphasis, list items, headings and code
 *       as the source, parsed by CommonMark;</li>
 *   <li>{@code numbers}: every number of the source is kept — grouping separators and native digits (٢٠٢٠, २०२०)
 *       may differ — and none is added;</li>
 *   <li>{@code urls}: every URL kept unchanged;</li>
 *   <li>{@code placeholders} and {@code messageformat}: an ICU MessageFormat source keeps its arguments and stays
 *       valid MessageFormat;</li>
 *   <li>{@code plurals}: each plural gives exactly the CLDR categories of the translation's language;</li>
 *   <li>{@code glossary}: where the source has an approved term, the translation has the approved rendering.</li>
 * </ul>
 */
public final class TranslationChecks {

    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[.,\\u00A0\\u202F\\u066B\\u066C' ]\\p{Nd}+)*");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>()\\]]+[^\\s<>()\\].,;:!?'\"]");

    private TranslationChecks() {
    }

    public static List<QaWarning> check(String source, String translation, LanguageTag language, List<GlossaryTerm> glossary) {
        List<QaWarning> warnings = new ArrayList<>();
        markdown(source, translation, warnings);
        numbers(source, translation, warnings);
        urls(source, translation, warnings);
        messageFormat(source, translation, language, warnings);
        glossary(source, translation, glossary, warnings);
        return warnings;
    }

    private record Structure(Map<String, List<int[]>> spans, List<String> links) {
    }

    private static Structure structure(String text) {
        Map<String, List<int[]>> spans = new LinkedHashMap<>();
        List<String> links = new ArrayList<>();
        Node document = MARKDOWN.parse(text);
        document.accept(new AbstractVisitor() {
            private void note(String kind, Node node) {
                List<SourceSpan> nodeSpans = node.getSourceSpans();
                int start = nodeSpans.isEmpty() ? -1 : nodeSpans.get(0).getInputIndex();
                int end = nodeSpans.isEmpty() ? -1 : nodeSpans.get(nodeSpans.size() - 1).getInputIndex()
                        + nodeSpans.get(nodeSpans.size() - 1).getLength();
                spans.computeIfAbsent(kind, k -> new ArrayList<>()).add(new int[]{start, end});
            }

            @Override
            public void visit(Link link) {
                note("link", link);
                links.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                note("image", image);
                links.add(image.getDestination());
                visitChildren(image);
            }

            @Override
            public void visit(Emphasis emphasis) {
                note("emphasis", emphasis);
                visitChildren(emphasis);
            }

            @Override
            public void visit(StrongEmphasis strong) {
                note("strong emphasis", strong);
                visitChildren(strong);
            }

            @Override
            public void visit(ListItem item) {
                note("list item", item);
                visitChildren(item);
            }

            @Override
            public void visit(Heading heading) {
                note("heading", heading);
                visitChildren(heading);
            }

            @Override
            public void visit(Code code) {
                note("code", code);
            }

            @Override
            public void visit(HtmlInline html) {
                note("raw HTML", html);
            }
        });
        return new Structure(spans, links);
    }

    private static void markdown(String source, String translation, List<QaWarning> warnings) {
        Structure expected = structure(source);
        Structure actual = structure(translation);
        Set<String> kinds = new TreeSet<>(expected.spans().keySet());
        kinds.addAll(actual.spans().keySet());
        for (String kind : kinds) {
            int want = expected.spans().getOrDefault(kind, List.of()).size();
            List<int[]> have = actual.spans().getOrDefault(kind, List.of());
            if (have.size() > want) {
                int[] extra = have.get(want);
                warnings.add(new QaWarning("markdown", "The translation has " + have.size() + " × " + kind + ", the source "
                        + want + ".", extra[0], extra[1]));
            } else if (have.size() < want) {
                warnings.add(QaWarning.missing("markdown", "The source has " + want + " × " + kind + ", the translation "
                        + have.size() + "."));
            }
        }
        for (String target : expected.links()) {
            if (!actual.links().contains(target)) {
                warnings.add(QaWarning.missing("markdown", "The link to " + target + " is missing or points elsewhere."));
            }
        }
    }

    /** A number's digits in ASCII, without grouping or decimal separators: 2,000 = 2.000 = ٢٠٠٠ = 2000. */
    static String digits(String number) {
        StringBuilder out = new StringBuilder();
        number.codePoints().forEach(cp -> {
            int digit = UCharacter.digit(cp, 10);
            if (digit >= 0) {
                out.append((char) ('0' + digit));
            }
        });
        return out.toString();
    }

    private static void numbers(String source, String translation, List<QaWarning> warnings) {
        Map<String, Integer> wanted = new HashMap<>();
        Matcher s = NUMBER.matcher(source);
        while (s.find()) {
            wanted.merge(digits(s.group()), 1, Integer::sum);
        }
        Matcher t = NUMBER.matcher(translation);
        while (t.find()) {
            String value = digits(t.group());
            Integer left = wanted.get(value);
            if (left == null || left == 0) {
                warnings.add(new QaWarning("numbers", "The number " + t.group() + " is not in the source.", t.start(), t.end()));
            } else {
                wanted.put(value, left - 1);
            }
        }
        wanted.forEach((value, left) -> {
            if (left > 0) {
                warnings.add(QaWarning.missing("numbers", "The number " + value + " of the source is missing."));
            }
        });
    }

    private static void urls(String source, String translation, List<QaWarning> warnings) {
        Matcher s = URL.matcher(source);
        while (s.find()) {
            if (!translation.contains(s.group())) {
                warnings.add(QaWarning.missing("urls", "The address " + s.group() + " must be kept unchanged."));
            }
        }
    }

    private static void messageFormat(String source, String translation, LanguageTag language, List<QaWarning> warnings) {
        if (source.indexOf('{') < 0) {
            return;
        }
        Set<String> sourceArguments;
        List<Set<String>> sourcePlurals;
        try {
            sourceArguments = MessageFormats.arguments(source);
            sourcePlurals = MessageFormats.pluralKeywords(source);
        } catch (IllegalArgumentException notMessageFormat) {
            return;
        }
        Set<String> arguments;
        List<Set<String>> plurals;
        try {
            arguments = MessageFormats.arguments(translation);
            plurals = MessageFormats.pluralKeywords(translation);
        } catch (IllegalArgumentException e) {
            warnings.add(new QaWarning("messageformat", "Not valid ICU MessageFormat: " + e.getMessage(), -1, -1));
            return;
        }
        for (String argument : sourceArguments) {
            if (!arguments.contains(argument)) {
                warnings.add(QaWarning.missing("placeholders", "The placeholder {" + argument + "} is missing."));
            }
        }
        for (String argument : arguments) {
            if (!sourceArguments.contains(argument)) {
                int at = translation.indexOf(argument);
                warnings.add(new QaWarning("placeholders", "The placeholder {" + argument + "} is not in the source.",
                        at, at < 0 ? -1 : at + argument.length()));
            }
        }
        Set<String> categories = new TreeSet<>(PluralRules.forLocale(language.locale()).getKeywords());
        if (plurals.size() != sourcePlurals.size()) {
            warnings.add(QaWarning.missing("plurals", "The source has " + sourcePlurals.size() + " plural(s), the translation "
                    + plurals.size() + "."));
        }
        for (Set<String> keywords : plurals) {
            Set<String> missing = new TreeSet<>(categories);
            missing.removeAll(keywords);
            Set<String> extra = new TreeSet<>(keywords);
            extra.removeAll(categories);
            if (!missing.isEmpty()) {
                warnings.add(QaWarning.missing("plurals", language + " needs the plural forms " + categories + "; missing " + missing + "."));
            }
            if (!extra.isEmpty()) {
                warnings.add(QaWarning.missing("plurals", language + " has no plural forms " + extra + "; it uses " + categories + "."));
            }
        }
    }

    private static void glossary(String source, String translation, List<GlossaryTerm> glossary, List<QaWarning> warnings) {
        String foldedSource = UCharacter.foldCase(source, true);
        String foldedTranslation = UCharacter.foldCase(translation, true);
        for (GlossaryTerm term : glossary) {
            String sourceTerm = UCharacter.foldCase(term.sourceTerm(), true);
            if (containsTerm(foldedSource, sourceTerm) && !foldedTranslation.contains(UCharacter.foldCase(term.expected(), true))) {
                warnings.add(QaWarning.missing("glossary", term.doNotTranslate()
                        ? "“" + term.sourceTerm() + "” is a name that stays untranslated."
                        : "“" + term.sourceTerm() + "” is translated “" + term.expected() + "” in the glossary."));
            }
        }
    }

    /** Whole-word containment for terms in scripts with spaces; plain containment otherwise. */
    private static boolean containsTerm(String text, String term) {
        int from = 0;
        while (true) {
            int at = text.indexOf(term, from);
            if (at < 0) {
                return false;
            }
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.codePointBefore(at)) || !Character.isLetter(term.codePointAt(0))
                    || isUnspaced(term.codePointAt(0));
            int end = at + term.length();
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.codePointAt(end))
                    || isUnspaced(term.codePointBefore(term.length()));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isUnspaced(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

}
