package org.internationale.mailing.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EmailAddressTest {

    @Test
    void theSameMailboxWrittenDifferentlyIsOneSubscriber() {
        EmailAddress typed = EmailAddress.parse("  Ana.Lopez@Sindicato.EXAMPLE.org ");
        assertEquals("Ana.Lopez@sindicato.example.org", typed.value());
        assertEquals("ana.lopez@sindicato.example.org", typed.key());
        assertEquals("ana.lopez@sindicato.example.org", EmailAddress.parse("ana.lopez@sindicato.example.org").key());
        assertEquals("sindicato.example.org", typed.domain());
    }

    @Test
    void internationalDomainsAreKeptInTheirAsciiForm() {
        EmailAddress address = EmailAddress.parse("yusuf@işçi.example.com.tr");
        assertEquals("xn--ii-4ia39b.example.com.tr", address.domain());
        assertEquals("yusuf@xn--ii-4ia39b.example.com.tr", address.value());
        assertEquals("yusuf@xn--ii-4ia39b.example.com.tr", address.key());
        assertEquals("yusuf@xn--ii-4ia39b.example.com.tr", EmailAddress.parse("yusuf@XN--II-4IA39B.example.com.tr").key());
    }

    static Stream<Arguments> notAddresses() {
        return Stream.of(
                arguments("", "An e-mail address is required."),
                arguments("   ", "An e-mail address is required."),
                arguments("no-at-sign", "'no-at-sign' is not an e-mail address."),
                arguments("@example.org", "'@example.org' is not an e-mail address."),
                arguments("someone@", "'someone@' is not an e-mail address."),
                arguments("someone@localhost", "'someone@localhost' has no valid domain."),
                arguments("two@@example.org", "'two@@example.org' is not an e-mail address."),
                arguments("line\nbreak@example.org", "'line?break@example.org' is not an e-mail address."),
                arguments("spaces in@example.org", "'spaces in@example.org' is not an e-mail address."));
    }

    @ParameterizedTest
    @MethodSource("notAddresses")
    void whatIsNoAddressIsRefusedWithAReason(String text, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse(text));
        assertEquals(reason, refused.getMessage());
    }

    @Test
    void overlongAddressesAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EmailAddress.parse("a".repeat(250) + "@example.org"));
        assertEquals("An e-mail address has at most 254 characters.", refused.getMessage());
    }
}
