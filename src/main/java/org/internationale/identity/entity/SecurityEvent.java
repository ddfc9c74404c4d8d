package org.internationale.identity.entity;

/** CDI event: something security-relevant happened to a request (a refused login, a CSRF rejection). */
public record SecurityEvent(String username, String action, String target, String client) {
}
