package org.internationale.platform.entity;

/** How a clause stands in its section: a paragraph of prose or an item of a list. */
public enum ClauseForm {
    PARAGRAPH, ITEM
}
