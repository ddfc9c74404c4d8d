package org.internationale.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.internationale.identity.entity.SecurityEvent;
import org.internationale.system.control.ClientAddress;

/** Announces security events (refused logins, CSRF rejections) for the audit log to record. */
@ApplicationScoped
public class SecurityEventReporter {

    @Inject
    Event<SecurityEvent> events;

    @Inject
    ClientAddress clients;

    public void record(String username, String action, HttpServletRequest request) {
        String name = username == null ? null : username.length() > 64 ? username.substring(0, 64) : username;
        events.fire(new SecurityEvent(name, action, request.getMethod() + " " + request.getRequestURI(), clients.of(request)));
    }
}
