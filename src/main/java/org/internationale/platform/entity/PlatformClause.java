package org.internationale.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.internationale.text.entity.Segment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One clause of the platform: an objective, a demand, a strategy item or a principle paragraph. */
@Entity
@Table(name = "platform_clause")
public class PlatformClause {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "section_id")
    private PlatformSection section;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClauseForm form;

    @OneToOne(optional = false)
    @JoinColumn(name = "segment_id")
    private Segment segment;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    protected PlatformClause() {
        // JPA
    }

    public PlatformClause(String id, Segment segment) {
        this.id = id;
        this.segment = segment;
    }

    public void place(PlatformSection section, int position, ClauseForm form) {
        this.section = section;
        this.position = position;
        this.form = form;
        this.retiredAt = null;
    }

    public void retire(Instant at) {
        retiredAt = at.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public PlatformSection section() {
        return section;
    }

    public int position() {
        return position;
    }

    public ClauseForm form() {
        return form;
    }

    public Segment segment() {
        return segment;
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
