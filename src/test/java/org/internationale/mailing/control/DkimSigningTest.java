package org.internationale.mailing.control;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SignatureWorkflow made by {@link DkimSigning} as an independent verifier (Apache James jDKIM) sees them. */
class DkimSigningTest {

    private final KeyPair keys = generate();

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DkimSigning signing() {
        DkimSigning signing = new DkimSigning();
        signing.keyText = Optional.of("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        signing.keyFile = Optional.empty();
        signing.selector = "mail2026";
        signing.domain = Optional.of("union.example.org");
        signing.loadKey();
        return signing;
    }

    private static MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("news@union.example.org"));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress("ana@example.org"));
        message.setSubject("Huelga general: ¡todos a la calle!", "UTF-8");
        message.setHeader("List-Unsubscribe", "<https://union.example.org/subscriptions/unsubscribe?s=1&t=x>");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setText("Nos vemos el lunes a las 6.\nالتضامن\n", "UTF-8");
        message.saveChanges();
        return message;
    }

    private List<SignatureRecord> verify(byte[] raw) throws Exception {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        return new DKIMVerifier((method, selector, domain) -> {
            assertEquals("mail2026", selector.toString());
            assertEquals("union.example.org", domain.toString());
            return List.of(record);
        }).verify(new ByteArrayInputStream(raw));
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void signsTheHeadersOneClickUnsubscribeDependsOn() throws Exception {
        SMTPMessage signed = signing().sign(message());
        List<SignatureRecord> signatures = verify(bytes(signed));
        assertEquals(1, signatures.size());
        // whole names: "list-unsubscribe" is also the start of "list-unsubscribe-post"
        List<String> headers = signatures.get(0).getHeaders().stream().map(h -> h.toString().toLowerCase(java.util.Locale.ROOT)).toList();
        assertTrue(headers.containsAll(List.of("from", "subject", "list-unsubscribe", "list-unsubscribe-post", "message-id")),
                headers.toString());
    }

    @Test
    void headersSurviveARelayThatRefoldsThemAndTheBodyIsHashedAsWritten() throws Exception {
        String raw = new String(bytes(signing().sign(message())), StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("c=relaxed/simple"), raw);
        // a relay may fold a header and change its spaces: relaxed header canonicalisation still verifies it
        String refolded = raw.replaceFirst("(?m)^List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "List-Unsubscribe-Post:\r\n \tList-Unsubscribe=One-Click ");
        assertNotEquals(raw, refolded);
        assertEquals(1, verify(refolded.getBytes(StandardCharsets.ISO_8859_1)).size());
        // the body is hashed as Jakarta Mail wrote it: a relay that pads a line breaks the signature (simple body)
        int body = raw.indexOf("\r\n\r\n") + 4;
        int lineEnd = raw.indexOf("\r\n", body);
        String padded = raw.substring(0, lineEnd) + " " + raw.substring(lineEnd);
        assertThrows(FailException.class, () -> verify(padded.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aChangedMessageNoLongerVerifies() throws Exception {
        String raw = new String(bytes(signing().sign(message())), StandardCharsets.ISO_8859_1);
        byte[] tampered = raw.replace("https://union.example.org/subscriptions", "https://evil.example/subscriptions").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(FailException.class, () -> verify(tampered));
    }

    @Test
    void withoutAKeyMailGoesOutUnsigned() throws Exception {
        DkimSigning off = new DkimSigning();
        off.keyText = Optional.empty();
        off.keyFile = Optional.empty();
        off.loadKey();
        assertFalse(off.enabled());
        assertFalse(new String(bytes(off.sign(message())), StandardCharsets.ISO_8859_1).contains("DKIM-Signature"));
    }

    @Test
    void aKeyInTheWrongFormIsRefusedWithAHint() {
        IllegalArgumentException pkcs1 = assertThrows(IllegalArgumentException.class,
                () -> DkimSigning.parse("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"));
        assertTrue(pkcs1.getMessage().contains("openssl pkcs8"), pkcs1.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DkimSigning.parse("not a key"));
    }
}
