package org.internationale.mailing.entity;

import java.util.Map;
import java.util.regex.Pattern;

/** One message to one recipient: plain text, optional HTML alternative, the language it is written in. */
public record Mail(String to, String subject, String text, String html, String language, Map<String, String> headers) {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    public Mail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * Checks text a stranger typed that a mail will carry (an organisation's name, a country): a line break or any
     * other control character — Unicode's line and paragraph separators included — could start a header line of
     * its own or fake a new paragraph, so it is refused rather than cleaned.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    public static String oneLine(String field, String text) {
        if (text != null && text.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw new IllegalArgumentException("The " + field + " may not contain line breaks or control characters.");
        }
        return text;
    }

    /** {@code text} with every e-mail address in it replaced, for logs: relays quote the recipient in their replies. */
    public static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("<address>");
    }
}
