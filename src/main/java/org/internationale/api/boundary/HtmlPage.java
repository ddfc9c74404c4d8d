package org.internationale.api.boundary;

import jakarta.servlet.http.HttpServletResponse;
import org.internationale.text.control.XmlCharacters;

import java.io.IOException;

/**
 * The plain page that links from mail open: confirmations, preferences, unsubscribe. No script and no outside
 * resources, readable on any phone; never cached and never leaking its link (with its token) as a referrer.
 */
public final class HtmlPage {

    private static final String STYLE = "body{font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}"
            + "button{font:inherit;padding:.5rem 1rem;margin-block:.5rem}label{display:block;margin-block:.5rem}"
            + "fieldset{border:1px solid #999;margin-block:1rem}";

    private HtmlPage() {
    }

    public static void write(HttpServletResponse response, int status, String lang, String dir, String title, String bodyHtml)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        // stricter than the API's policy: nothing but this page's own style block and forms back to us
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.getWriter().write(XmlCharacters.replaceForbidden("<!DOCTYPE html><html lang=\"" + escape(lang) + "\" dir=\"" + escape(dir) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body><main><h1>" + escape(title) + "</h1>" + bodyHtml
                + "</main></body></html>"));
    }

    /** Text for HTML content and double- or single-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
