package org.internationale.mailing.entity;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.IDN;
import java.util.Locale;

/**
 * A mailbox address as a subscriber typed it ({@code value}, domain in ASCII) and as the system compares it
 * ({@code key}): the domain may be written in Unicode or punycode and is case-insensitive; the local part is, by the
 * letter of RFC 5321, the receiving server's business, but no provider a subscriber uses tells {@code Ana} from
 * {@code ana}, and treating them as two people would mail one person twice.
 */
public record EmailAddress(String value, String key, String domain) {

    public static final int MAX_LENGTH = 254;

    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An e-mail address is required.");
        }
        String address = text.strip();
        if (address.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("An e-mail address has at most " + MAX_LENGTH + " characters.");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("'" + printable(address) + "' is not an e-mail address.");
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + printable(address) + "' has no valid domain.");
        }
        String local = address.substring(0, at);
        if (!domain.contains(".")) {
            throw new IllegalArgumentException("'" + printable(address) + "' has no valid domain.");
        }
        String ascii = local + "@" + domain;
        try {
            new InternetAddress(ascii, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + printable(address) + "' is not an e-mail address.");
        }
        return new EmailAddress(ascii, ascii.toLowerCase(Locale.ROOT), domain);
    }

    /** Whether {@link #parse} takes the text: for forms that say so beside the field instead of failing. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return value;
    }
}
