package org.internationale.text.entity;

import java.util.regex.Pattern;

/**
 * The stable id of a segment ({@code demands.fair-treatment.sick-leave}, {@code doc:123.title}). It never
 * changes when the wording does; translations and files refer to it.
 */
public record SegmentKey(String value) {

    /** No slash: ids stand in URL paths ({@code /api/admin/translations/es/doc:12.title}) and XLIFF unit ids. */
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,199}");

    public SegmentKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a segment id: lower-case letters, digits and . _ : -, at most 200");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
