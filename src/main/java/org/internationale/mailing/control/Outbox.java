package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import org.internationale.mailing.entity.SubscriberErased;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code .eml} files written to {@code DATA_DIR/outbox} when there is no SMTP relay hold whole messages, address
 * included; erasing a subscriber deletes the ones addressed to them. The folder is searched by reading each file's
 * headers, which is fine for what the outbox is for (trying the system out, small installations that hand the folder
 * to another program).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    MailSettings settings;

    void onErased(@Observes SubscriberErased erased) {
        forget(settings.outbox(), erased.email());
    }

    /** Deletes every message in {@code folder} addressed to {@code address}; returns how many. */
    static int forget(Path folder, String address) {
        if (address == null || !Files.isDirectory(folder)) {
            return 0;
        }
        String wanted = address.strip().toLowerCase(Locale.ROOT);
        List<Path> addressed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".eml"))::iterator) {
                if (recipients(file).contains(wanted)) {
                    addressed.add(file);
                }
            }
            for (Path file : addressed) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return addressed.size();
    }

    private static List<String> recipients(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InternetHeaders headers = new InternetHeaders(in);
            List<String> found = new ArrayList<>();
            for (String field : List.of("To", "Cc", "Bcc")) {
                String value = headers.getHeader(field, ",");
                if (value != null) {
                    for (InternetAddress recipient : InternetAddress.parseHeader(value, false)) {
                        found.add(recipient.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return found;
        } catch (AddressException e) {
            return List.of();
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }
}
