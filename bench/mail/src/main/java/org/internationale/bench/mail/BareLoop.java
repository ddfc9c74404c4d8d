package org.internationale.bench.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor the application is measured against: the same newsletter rendered once per language with CommonMark,
 * one multipart/alternative message per subscriber with personal signed footer links and the same bulk headers,
 * DKIM-signed by the same library with the same key and settings, sent over the same number of kept-open SMTP
 * connections — and nothing else: no server, no database, no ledger.
 *
 * <pre>java -cp target/classes:target/lib/* org.internationale.bench.mail.BareLoop subscribers.tsv newsletter-dir key.pem
 *      host port connections from-address dkim-selector base-url [rounds]</pre>
 *
 * {@code subscribers.tsv}: one {@code id<TAB>email<TAB>language} per line; a language without a file in
 * {@code newsletter-dir} gets {@code en.md}. Each round (default one) renders, signs and sends everything again in the
 * same JVM — the first with a cold JIT, later ones warm — and prints {@code bare <round> <messages> <seconds> <refused>}.
 */
public final class BareLoop {

    /** The headers the application signs; kept equal so the signing work is equal. */
    private static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
            "Content-Type", "Content-Language", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

    private record Recipient(long id, String email, String language) {
    }

    private record Variant(String language, String subject, String htmlBefore, String htmlAfter, String text) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 9 && args.length != 10) {
            System.err.println("usage: BareLoop subscribers.tsv newsletter-dir key.pem host port connections from selector base-url [rounds]");
            System.exit(2);
        }
        List<Recipient> recipients = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] field = line.split("\t");
            recipients.add(new Recipient(Long.parseLong(field[0].strip()), field[1].strip(), field[2].strip()));
        }
        Path newsletter = Path.of(args[1]);
        RSAPrivateKey key = key(Files.readString(Path.of(args[2]), StandardCharsets.US_ASCII));
        String host = args[3];
        int port = Integer.parseInt(args[4]);
        int connections = Integer.parseInt(args[5]);
        InternetAddress from = new InternetAddress(args[6], true);
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1).toLowerCase(Locale.ROOT);
        String selector = args[7];
        String base = args[8].endsWith("/") ? args[8] : args[8] + "/";
        // the application keeps its link key in the database; any fixed random key costs the same to use
        byte[] linkKey = new byte[32];
        new SecureRandom().nextBytes(linkKey);
        int rounds = args.length == 10 ? Integer.parseInt(args[9]) : 1;
        // the application pins Jakarta Mail's stream provider (MailSettings.pinStreamProvider); the same here, so
        // that neither side pays for a ServiceLoader scan per message: -Dbench.unpinned=true shows the difference
        if (!Boolean.getBoolean("bench.unpinned") && System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), StreamProvider.provider().getClass().getName());
        }
        // CPU of this JVM per message and round, printed after the rounds' timings: compared with the server's in bench/mail/run
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<String> cpu = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long before = os.getProcessCpuTime();
            round(round, recipients, newsletter, key, host, port, connections, from, domain, selector, base, linkKey);
            cpu.add(String.format(Locale.ROOT, "bare loop round %d CPU ms/message: JVM %.3f", round,
                    (os.getProcessCpuTime() - before) / 1e6 / recipients.size()));
        }
        cpu.forEach(System.out::println);
    }

    private static void round(int round, List<Recipient> recipients, Path newsletter, RSAPrivateKey key, String host, int port,
                              int connections, InternetAddress from, String domain, String selector, String base, byte[] linkKey)
            throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Variant> variants = new HashMap<>();
        for (Recipient recipient : recipients) {
            variants.computeIfAbsent(recipient.language(), language -> render(newsletter, language));
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.localhost", domain);
        // the same socket option the application sets (its SmtpSockets): -Dbench.nagle=true shows the difference
        if (!Boolean.getBoolean("bench.nagle")) {
            properties.put("mail.smtp.socketFactory", new NoDelaySockets());
        }
        // -Dbench.writetimeout=<ms>: Jakarta Mail's own write timeout, which the application once set (its SmtpSockets
        // watch writes instead), to show what it costs
        if (Integer.getInteger("bench.writetimeout", 0) > 0) {
            properties.put("mail.smtp.writetimeout", Integer.getInteger("bench.writetimeout").toString());
        }
        Session session = Session.getInstance(properties);

        AtomicInteger next = new AtomicInteger();
        AtomicLong refused = new AtomicLong();
        List<Thread> lanes = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int lane = 0; lane < connections; lane++) {
            Thread thread = new Thread(() -> {
                DkimSigner signer = new DkimSigner(domain, selector, key);
                signer.setHeaderCanonicalization(Canonicalization.RELAXED);
                signer.setBodyCanonicalization(Canonicalization.SIMPLE);
                signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
                signer.setLengthParam(false);
                signer.setCheckDomainKey(false);
                SIGNED_HEADERS.forEach(signer::addHeaderToSign);
                Mac mac = mac(linkKey);
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < recipients.size(); i = next.getAndIncrement()) {
                        Recipient r = recipients.get(i);
                        Variant v = variants.get(r.language());
                        String unsubscribe = base + "subscriptions/unsubscribe?s=" + r.id() + "&t=" + sign(mac, "UNSUBSCRIBE:" + r.id());
                        String preferences = base + "subscriptions/preferences?s=" + r.id() + "&t=" + sign(mac, "PREFERENCES:" + r.id());
                        String reason = "You get this newsletter because " + r.email() + " subscribed to it.";
                        String footerHtml = "<p style=\"margin:0 0 0.5em 0\">" + reason + "</p><p style=\"margin:0\"><a style=\"color:#555555\" href=\""
                                + preferences.replace("&", "&amp;") + "\">Preferences</a> · <a style=\"color:#555555\" href=\""
                                + unsubscribe.replace("&", "&amp;") + "\">Unsubscribe</a></p>";
                        String footerText = reason + "\nPreferences: " + preferences + "\nUnsubscribe: " + unsubscribe;

                        SMTPMessage message = new FixedIdMessage(session, "<campaign-0.subscriber-" + r.id() + "@" + domain + ">");
                        message.setFrom(from);
                        message.setRecipient(Message.RecipientType.TO, new InternetAddress(r.email()));
                        message.setSubject(v.subject(), StandardCharsets.UTF_8.name());
                        message.setSentDate(new Date());
                        message.setHeader("Content-Language", v.language());
                        message.setHeader("List-Id", "Internationale newsletter <newsletter." + domain + ">");
                        message.setHeader("Precedence", "bulk");
                        MimeBodyPart text = new MimeBodyPart();
                        text.setText(v.text() + "\n\n-- \n" + footerText + "\n", StandardCharsets.UTF_8.name());
                        MimeBodyPart html = new MimeBodyPart();
                        html.setContent(v.htmlBefore() + footerHtml + v.htmlAfter(), "text/html; charset=UTF-8");
                        message.setContent(new MimeMultipart("alternative", text, html));
                        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:" + verp(mac, "u", r.id(), domain) + "?subject=unsubscribe>");
                        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                        message.saveChanges();
                        SMTPMessage signed = new DkimMessage(message, signer);
                        signed.setEnvelopeFrom(verp(mac, "d", r.id(), domain));
                        try {
                            transport.sendMessage(signed, new Address[]{new InternetAddress(r.email())});
                        } catch (jakarta.mail.SendFailedException e) {
                            refused.incrementAndGet();
                        }
                    }
                } catch (MessagingException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "bare-lane-" + lane);
            lanes.add(thread);
            thread.start();
        }
        for (Thread lane : lanes) {
            lane.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "bare %d %d %.3f %d%n", round, recipients.size(), seconds, refused.get());
    }

    /** One language's newsletter around the footer, rendered once: {@code title:} and {@code summary:} lines, then Markdown. */
    private static Variant render(Path directory, String language) {
        Path file = directory.resolve(language + ".md");
        String served = language;
        if (!Files.exists(file)) {
            file = directory.resolve("en.md");
            served = "en";
        }
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            String[] lines = source.split("\n", 4);
            String title = lines[0].substring("title: ".length()).strip();
            String summary = lines[1].substring("summary: ".length()).strip();
            String markdown = lines.length > 3 ? lines[3] : "";
            Parser parser = Parser.builder().extensions(EXTENSIONS).build();
            HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                    .attributeProviderFactory(context -> (node, tag, attributes) -> attributes.put("style", "margin:0 0 1em 0;line-height:1.5"))
                    .build();
            TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS)
                    .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();
            String direction = served.equals("ar") ? "rtl" : "ltr";
            String before = "<!DOCTYPE html><html lang=\"" + served + "\" dir=\"" + direction + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title></head>"
                    + "<body style=\"margin:0;padding:0;background:#f4f4f4\"><div style=\"max-width:640px;margin:0 auto;padding:24px;"
                    + "background:#ffffff;color:#1b1b1b;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;"
                    + "font-size:16px\" dir=\"" + direction + "\" lang=\"" + served + "\">"
                    + "<h1 style=\"font-size:1.6em;margin:0 0 0.5em 0;line-height:1.25\">" + escape(title) + "</h1>"
                    + "<p style=\"margin:0 0 1em 0;font-size:1.1em;color:#444444\">" + escape(summary) + "</p>"
                    + html.render(parser.parse(markdown))
                    + "<hr style=\"border:0;border-top:1px solid #dddddd;margin:24px 0 12px 0\"><div style=\"font-size:13px;color:#555555\">";
            String plain = title + "\n" + "=".repeat(Math.min(60, title.length())) + "\n\n" + summary + "\n\n"
                    + text.render(parser.parse(markdown)).strip();
            return new Variant(served, title, before, "</div></div></body></html>", plain);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(Mac mac, String what) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(what.getBytes(StandardCharsets.UTF_8)), 18));
    }

    /** A tagged bounce or unsubscribe address, as the application's VERP addresses are. */
    private static String verp(Mac mac, String kind, long id, String domain) {
        String tag = HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal((kind + id).getBytes(StandardCharsets.US_ASCII)), 6));
        return "bounces+" + kind + id + "-" + tag + "@" + domain;
    }

    private static RSAPrivateKey key(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "").replaceAll("\\s", "");
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Sockets with Nagle's algorithm off. */
    static final class NoDelaySockets extends javax.net.SocketFactory {
        private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

        private static java.net.Socket noDelay(java.net.Socket socket) throws java.io.IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }
    }

    /** Keeps a deterministic Message-ID, as the application does, instead of Jakarta Mail's random one. */
    private static final class FixedIdMessage extends SMTPMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
