package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.internationale.mailing.entity.BounceReport;
import org.internationale.mailing.entity.RecipientBounced;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Records a bounce report and counts it against its subscriber in one transaction, once per report. The mailbox is
 * emptied only after its reports are recorded, so a crash in between has the next reading find them again: counted a
 * second time, one temporary failure would have brought an address a step nearer to being stopped (three in a row
 * stop it). A report is known by its Message-ID; one without is recorded each time it is read.
 */
@ApplicationScoped
public class BounceRecorder {

    private static final Logger LOG = Logger.getLogger(BounceRecorder.class.getName());

    @Inject
    DeliveryLedger ledger;

    @Inject
    Event<RecipientBounced> bounced;

    /** Does nothing when the report was recorded before. */
    @Transactional
    public void record(String reportId, BounceReport bounce) {
        Long subscriber = ledger.subscriberOf(bounce.deliveryId()).orElse(null);
        if (!ledger.bounce(reportId, bounce.deliveryId(), subscriber, bounce.hard(), bounce.status(), bounce.diagnostic())) {
            LOG.fine(() -> "Bounce report " + reportId + " was recorded before; not counted again");
            return;
        }
        if (subscriber != null) {
            bounced.fire(new RecipientBounced(subscriber, bounce.hard(),
                    (bounce.hard() ? "permanent failure " : "repeated temporary failures, last ") + Optional.ofNullable(bounce.status()).orElse("")
                            + Optional.ofNullable(bounce.diagnostic()).map(d -> ": " + d).orElse("")));
        }
    }
}
