package org.internationale.mailing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * DKIM-signs outgoing mail with the key from configuration ({@code DKIM_PRIVATE_KEY} as PKCS#8 PEM text, or
 * {@code DKIM_PRIVATE_KEY_FILE}; {@code DKIM_SELECTOR}; {@code DKIM_DOMAIN}, default the sender's domain).
 * Signing is done by simple-java-mail's maintained DKIM signer, rsa-sha256, and covers the headers receivers judge a
 * bulk message by: From, Subject, Date, Message-ID, To, the List-* headers (RFC 8058 requires List-Unsubscribe and
 * List-Unsubscribe-Post to be signed for one-click to be honoured).
 *
 * <p>Canonicalisation is relaxed for headers and simple for the body ({@code c=relaxed/simple}, as Amazon SES signs).
 * Relays fold and re-space headers, so those are relaxed; bodies reach receivers as written — Jakarta Mail ends every
 * line in CRLF and encodes non-ASCII text as quoted-printable or base64 — and a relay that rewrites a body (a list's
 * footer, an 8-bit downgrade) breaks a relaxed body hash too. What relaxed would cost: the library's relaxed body
 * canonicalisation runs two regular expressions over every message's whole encoded body, and in the server, where
 * {@code java.util.regex} has seen many other patterns and cannot be specialised, that was 0.33 ms of CPU a message,
 * a seventh of a sending lane's work (profiled; bench/README.md, mail throughput).
 */
@ApplicationScoped
public class DkimSigning {

    static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
            "Content-Type", "Content-Language", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post");
    private static final Logger LOG = Logger.getLogger(DkimSigning.class.getName());

    @Inject
    @ConfigProperty(name = "DKIM_PRIVATE_KEY")
    Optional<String> keyText;

    @Inject
    @ConfigProperty(name = "DKIM_PRIVATE_KEY_FILE")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "DKIM_SELECTOR", defaultValue = "internationale")
    String selector;

    @Inject
    @ConfigProperty(name = "DKIM_DOMAIN")
    Optional<String> domain;

    @Inject
    MailSettings settings;

    private RSAPrivateKey key;

    /**
     * Each thread's signer: a new one looks up and keys a {@code Signature} and a {@code MessageDigest} twice (once for
     * its default algorithm, once for ours), through every security provider the server lists, for every message.
     * A signer is not thread-safe, hence one per thread; its settings never change after start-up.
     */
    private final ThreadLocal<DkimSigner> signers = ThreadLocal.withInitial(this::signer);

    @PostConstruct
    void loadKey() {
        Optional<String> pem = keyText.filter(k -> !k.isBlank());
        if (pem.isEmpty() && keyFile.filter(f -> !f.isBlank()).isPresent()) {
            try {
                pem = Optional.of(Files.readString(Path.of(keyFile.get()), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException("DKIM_PRIVATE_KEY_FILE cannot be read: " + e.getMessage(), e);
            }
        }
        key = pem.map(DkimSigning::parse).orElse(null);
        if (key == null) {
            LOG.info("DKIM signing is off: set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE to sign outgoing mail");
        }
    }

    public boolean enabled() {
        return key != null;
    }

    public String domain() {
        return domain.filter(d -> !d.isBlank()).orElseGet(() -> settings.fromDomain());
    }

    public String selector() {
        return selector;
    }

    /** The message as it goes out: signed when a key is configured, else itself. */
    public SMTPMessage sign(MimeMessage message) throws MessagingException {
        if (key == null) {
            return message instanceof SMTPMessage smtp ? smtp : new SMTPMessage(message);
        }
        return new DkimMessage(message, signers.get());
    }

    private DkimSigner signer() {
        DkimSigner signer = new DkimSigner(domain(), selector, key);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.SIMPLE);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setLengthParam(false);
        // the public key lives in DNS, which this server may not see as the world does; receivers check it
        signer.setCheckDomainKey(false);
        for (String header : SIGNED_HEADERS) {
            signer.addHeaderToSign(header);
        }
        return signer;
    }

    static RSAPrivateKey parse(String pem) {
        String base64 = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("DKIM key: give the key in PKCS#8 form (BEGIN PRIVATE KEY); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("DKIM key is not an RSA private key in PKCS#8 PEM form: " + e.getMessage(), e);
        }
    }
}
