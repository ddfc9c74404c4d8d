package org.internationale.mailing.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Once a second, closes SMTP connections whose write has stalled for longer than the write timeout
 * ({@link SmtpSockets}): the lane waiting in that write gets an error, reports the message as a temporary failure and
 * reconnects, instead of hanging with the message {@code sending} for ever.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmtpWriteWatch {

    @Inject
    MailSettings settings;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void closeStalled() {
        settings.closeStalledWrites();
    }
}
