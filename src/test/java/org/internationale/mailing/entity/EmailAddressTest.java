package org.internationale.mailing.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @Test
    void theSameMailboxWrittenDifferentlyIsOneSubscriber() {
        EmailAddress typed = EmailAddress.parse("  Ana.Lopez@Sindicato.EXAMPLE.org ");
        assertEquals("Ana.Lopez@sindicato.example.org", typed.value());
        assertEquals(typed.key(), EmailAddress.parse("ana.lopez@sindicato.example.org").key());
        assertEquals("sindicato.example.org", typed.domain());
    }

    @Test
    void internationalDomainsAreKeptInTheirAsciiForm() {
        EmailAddress address = EmailAddress.parse("yusuf@işçi.example.com.tr");
        assertEquals("xn--ii-4ia39b.example.com.tr", address.domain());
        assertEquals("yusuf@xn--ii-4ia39b.example.com.tr", address.value());
        assertEquals(address.key(), EmailAddress.parse("yusuf@XN--II-4IA39B.example.com.tr").key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "no-at-sign", "@example.org", "someone@", "someone@localhost", "two@@example.org",
            "line\nbreak@example.org", "spaces in@example.org"})
    void whatIsNoAddressIsRefusedWithAReason(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse(text));
        assertTrue(refused.getMessage().length() > 10, refused.getMessage());
    }

    @Test
    void overlongAddressesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse("a".repeat(250) + "@example.org"));
    }
}
