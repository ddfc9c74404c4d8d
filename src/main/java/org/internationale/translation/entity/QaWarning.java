package org.internationale.translation.entity;

/**
 * A quality warning about a translation: which check, what is wrong, and where in the translation
 * ({@code start}/{@code end} are UTF-16 offsets; -1 when the problem is something missing).
 */
public record QaWarning(String check, String message, int start, int end) {

    public static QaWarning missing(String check, String message) {
        return new QaWarning(check, message, -1, -1);
    }
}
