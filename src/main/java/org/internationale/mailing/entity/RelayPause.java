package org.internationale.mailing.entity;

import java.time.Instant;

/** Why sending pauses because the relay cannot be reached, and until when. */
public record RelayPause(String reason, Instant until) {
}
