package org.internationale.api.control;

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
            if (forbidden(c)) {
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
        StringBuilder safe = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else {
                safe.append(forbidden(c) ? REPLACEMENT : c);
            }
        }
        return safe.toString();
    }

    /** A single char XML cannot carry; a surrogate counts here only when it is not half of a pair, which callers check. */
    private static boolean forbidden(char c) {
        return Character.isSurrogate(c) || c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF';
    }
}
