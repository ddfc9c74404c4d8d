package org.internationale.text.control;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * The opening of a text up to a length, for a preview where no summary was written. Cut where a word ends by ICU's
 * rules for the text's language (dictionary-based in Thai, Khmer, Chinese and Japanese), so a preview never ends
 * inside a word, a surrogate pair or a grapheme cluster such as an emoji with its skin tone.
 */
public final class TextExcerpt {

    private static final String ELLIPSIS = " …";

    private TextExcerpt() {
    }

    /** {@code text} itself when it fits in {@code max} characters; else its longest opening that does, ending in " …". */
    public static String of(String text, String languageTag, int max) {
        if (text.length() <= max) {
            return text;
        }
        BreakIterator words = BreakIterator.getWordInstance(ULocale.forLanguageTag(languageTag));
        words.setText(text);
        int end = words.preceding(max + 1);
        if (end <= 0) {
            BreakIterator characters = BreakIterator.getCharacterInstance(ULocale.forLanguageTag(languageTag));
            characters.setText(text);
            end = Math.max(characters.preceding(max + 1), 0);
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
