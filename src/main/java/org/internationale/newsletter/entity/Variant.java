package org.internationale.newsletter.entity;

import org.internationale.locale.entity.LanguageTag;

/**
 * A newsletter rendered in one language, everything but the per-subscriber footer: the HTML around the footer and
 * the plain text before it. Rendered once per language and campaign, then personalised per message cheaply.
 */
public record Variant(LanguageTag language, String direction, String subject, String htmlBeforeFooter, String htmlAfterFooter,
                      String text) {

    public String html(String footerHtml) {
        return htmlBeforeFooter + footerHtml + htmlAfterFooter;
    }

    public String text(String footerText) {
        return text + "\n\n-- \n" + footerText + "\n";
    }
}
