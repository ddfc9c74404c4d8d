package org.internationale.mailing.entity;

import org.internationale.mailing.control.Mailer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a stranger's text may be before it goes into a mail, and what of a relay's reply may go into a log. */
class MailTest {

    @Test
    void textThatCouldStartAHeaderLineIsRefused() {
        for (String injection : new String[]{"ACME\r\nBcc: everyone@example.org", "ACME\nBcc: x@example.org", "ACME\rX", "tab\there",
                "nul\u0000", "del\u007f", "next line\u0085", "line\u2028separator", "para\u2029graph"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Mail.oneLine("organisation", injection),
                    injection);
            assertEquals("The organisation may not contain line breaks or control characters.", refused.getMessage());
        }
    }

    @Test
    void anyScriptAndPunctuationIsWelcome() {
        for (String name : new String[]{"Syndicat CGT — Métallurgie", "نقابة عمال", "労働組合", "ACME Workers (https://acme.example)"}) {
            assertEquals(name, Mail.oneLine("organisation", name));
        }
    }

    @Test
    void addressesInARelaysReplyAreLeftOutOfLogs() {
        String logged = Mail.withoutAddresses("550 5.1.1 <ana.lopez+news@example.org>: Recipient address rejected; recipient Bob@Example.ORG");
        assertEquals("550 5.1.1 <<address>>: Recipient address rejected; recipient <address>", logged);
        assertFalse(logged.contains("@"));
        assertFalse(new Mailer.MailNotSent("550 5.1.1 <ana@example.org>: user unknown").getMessage().contains("ana@"),
                "the failure that is logged when a confirmation mail cannot go names no address");
    }
}
