package org.internationale.publishing.control;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Publishes scheduled documents within seconds of their time. Not a persistent timer: nothing is lost when the
 * server is down, because the next run publishes everything that became due meanwhile.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class PublishingSchedule {

    @Inject
    Publisher publisher;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void publishDue() {
        publisher.publishDue();
    }
}
