package org.internationale.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.internationale.text.entity.Segment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A section of the platform; demand groups are sections under {@code demands} with a Roman numeral. */
@Entity
@Table(name = "platform_section")
public class PlatformSection {

    @Id
    private String id;

    @Column(name = "parent_id")
    private String parentId;

    @Column(nullable = false)
    private int position;

    private String numeral;

    @ManyToOne(optional = false)
    @JoinColumn(name = "title_segment_id")
    private Segment title;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    protected PlatformSection() {
        // JPA
    }

    public PlatformSection(String id, Segment title) {
        this.id = id;
        this.title = title;
    }

    public void place(String parentId, int position, String numeral) {
        this.parentId = parentId;
        this.position = position;
        this.numeral = numeral;
        this.retiredAt = null;
    }

    public void retire(Instant at) {
        retiredAt = at.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public String parentId() {
        return parentId;
    }

    public int position() {
        return position;
    }

    public String numeral() {
        return numeral;
    }

    public Segment title() {
        return title;
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
