package org.internationale.demands.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** One entry of a demand's status timeline. */
@Entity
@Table(name = "demand_status")
public class DemandStatus {

    public enum Status {
        NOT_MET, PARTIALLY_MET, WON, ROLLED_BACK;

        public static Status parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a status; use not-met, partially-met, won or rolled-back");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demand_status_seq")
    @SequenceGenerator(name = "demand_status_seq", sequenceName = "demand_status_seq", allocationSize = 50)
    private Long id;

    @Column(name = "clause_id", nullable = false)
    private String clauseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "status_date", nullable = false)
    private LocalDate date;

    private String note;

    @Column(nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected DemandStatus() {
        // JPA
    }

    public DemandStatus(String clauseId, Status status, LocalDate date, String note, String author, Instant at) {
        this.clauseId = clauseId;
        this.status = status;
        this.date = date;
        this.note = note;
        this.author = author;
        this.createdAt = at.atOffset(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public String clauseId() {
        return clauseId;
    }

    public Status status() {
        return status;
    }

    public LocalDate date() {
        return date;
    }

    public String note() {
        return note;
    }

    public String author() {
        return author;
    }
}
