package org.internationale.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** The whole platform of one edition as a reader of one language got it, kept as the API's JSON. */
@Entity
@Table(name = "platform_edition_language")
@IdClass(EditionText.Key.class)
public class EditionText {

    public record Key(int edition, String language) implements Serializable {
        public Key() {
            this(0, null);
        }
    }

    @Id
    @Column(name = "edition_number")
    private int edition;

    @Id
    private String language;

    @Column(name = "platform_json", nullable = false, columnDefinition = "TEXT")
    private String json;

    protected EditionText() {
        // JPA
    }

    public EditionText(int edition, String language, String json) {
        this.edition = edition;
        this.language = language;
        this.json = json;
    }

    public String json() {
        return json;
    }
}
