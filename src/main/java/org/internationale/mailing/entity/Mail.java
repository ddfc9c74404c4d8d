package org.internationale.mailing.entity;

import java.util.Map;

/** One message to one recipient: plain text, optional HTML alternative, the language it is written in. */
public record Mail(String to, String subject, String text, String html, String language, Map<String, String> headers) {

    public Mail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
