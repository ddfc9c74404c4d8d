package org.internationale.platform.entity;

/**
 * How a text stands in its section: a paragraph of prose, an item of a list, or the section's heading. Clause rows
 * are paragraphs or items; a heading belongs to its section's row ({@link PlatformSection#title()}).
 */
public enum ClauseForm {
    PARAGRAPH, ITEM, TITLE
}
