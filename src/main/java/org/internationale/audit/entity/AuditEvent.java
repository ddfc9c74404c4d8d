package org.internationale.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One line of the audit log. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private OffsetDateTime at;

    private String actor;

    @Column(nullable = false)
    private String action;

    private String target;

    private Integer status;

    private String client;

    private String detail;

    protected AuditEvent() {
        // JPA
    }

    public AuditEvent(Instant at, String actor, String action, String target, Integer status, String client, String detail) {
        this.at = at.atOffset(ZoneOffset.UTC);
        this.actor = actor;
        this.action = clip(action, 64);
        this.target = clip(target, 500);
        this.status = status;
        this.client = clip(client, 64);
        this.detail = clip(detail, 2000);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at.toInstant();
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public Integer status() {
        return status;
    }

    public String client() {
        return client;
    }

    public String detail() {
        return detail;
    }
}
