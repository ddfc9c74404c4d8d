package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.internationale.mailing.entity.BounceReport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one message from the bounce mailbox: which delivery it is about (from the VERP address it came to — the
 * report's own recipient fields are often rewritten by forwarding), and whether the failure is permanent, from the
 * RFC 3464 delivery-status part as Angus Mail's DSN support parses it. Mail to the mailto unsubscribe address is
 * recognised here too.
 */
@ApplicationScoped
public class BounceReader {

    static final List<String> ADDRESS_HEADERS = List.of("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc");

    @Inject
    Verp verp;

    public Optional<BounceReport> read(Message message) throws MessagingException, IOException {
        List<String> addresses = new ArrayList<>();
        for (String header : ADDRESS_HEADERS) {
            String[] values = message.getHeader(header);
            if (values != null) {
                addresses.addAll(List.of(values));
            }
        }
        for (String address : addresses) {
            Optional<Long> unsubscriber = verp.unsubscriber(address);
            if (unsubscriber.isPresent()) {
                return Optional.of(new BounceReport(null, unsubscriber.get(), false, null, "unsubscribed by mail"));
            }
        }
        Long delivery = addresses.stream().map(verp::delivery).flatMap(Optional::stream).findFirst().orElse(null);
        if (delivery == null) {
            return Optional.empty();
        }
        Optional<InternetHeaders> status = deliveryStatus(message);
        if (status.isEmpty()) {
            // a bounce without a machine-readable report: count it as temporary, so only repeated ones stop the address
            return Optional.of(new BounceReport(delivery, null, false, null, "bounce without a delivery status report"));
        }
        String code = first(status.get(), "Status").orElse("");
        String action = first(status.get(), "Action").orElse("failed").toLowerCase(Locale.ROOT);
        boolean hard = code.startsWith("5") && action.startsWith("failed");
        if (!code.startsWith("5") && !code.startsWith("4") && action.startsWith("delivered")) {
            return Optional.empty();
        }
        return Optional.of(new BounceReport(delivery, null, hard, code.isBlank() ? null : code,
                first(status.get(), "Diagnostic-Code").orElse(null)));
    }

    /** The first per-recipient block of the report's message/delivery-status part. */
    static Optional<InternetHeaders> deliveryStatus(Part part) throws MessagingException, IOException {
        if (part.isMimeType("message/delivery-status")) {
            DeliveryStatus status;
            try (InputStream in = part.getInputStream()) {
                status = new DeliveryStatus(in);
            }
            return status.getRecipientDSNCount() > 0 ? Optional.of(status.getRecipientDSN(0)) : Optional.empty();
        }
        if (part.isMimeType("multipart/*")) {
            // parsed as a plain multipart: Angus's MultipartReport insists on a shape not every reporting MTA sends
            Multipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<InternetHeaders> found = deliveryStatus(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
