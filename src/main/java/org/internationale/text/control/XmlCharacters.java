package org.internationale.text.control;

/**
 * The characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage return, the noncharacters
 * U+FFFE and U+FFFF, and surrogates that are not half of a pair. Input carrying them is refused where it enters; the
 * writers of Atom, XLIFF and HTML still replace them, so a text stored before the refusal cannot break a document.
 */
public final class XmlCharacters {

    /** What a writer puts where a forbidden character was. */
    public static final char REPLACEMENT = '\uFFFD';

    private XmlCharacters() {
    }

    /** The index of the first character XML cannot carry, or -1 when there is none (or {@code text} is null). */
    public static int firstForbidden(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with each forbidden character replaced by {@link #REPLACEMENT}; the same instance when it has none. */
    public static String replaceForbidden(String text) {
        int first = firstForbidden(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length()).append(text, 0, first).append(REPLACEMENT);
        int from = first + 1;
        for (int next; (next = firstForbidden(text.substring(from))) >= 0; from += next + 1) {
            safe.append(text, from, from + next).append(REPLACEMENT);
        }
        return safe.append(text, from, text.length()).toString();
    }
}
