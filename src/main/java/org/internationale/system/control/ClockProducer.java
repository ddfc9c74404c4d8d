package org.internationale.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The system clock in UTC; tests that need time to pass substitute their own. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @SuppressForbidden(reason = "the one source of the time: every other bean injects this clock")
    Clock clock() {
        return Clock.systemUTC();
    }
}
