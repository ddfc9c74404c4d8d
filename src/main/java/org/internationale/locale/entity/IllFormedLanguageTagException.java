package org.internationale.locale.entity;

/** A client or configuration gave text that is not a well-formed BCP 47 tag. */
public class IllFormedLanguageTagException extends IllegalArgumentException {

    private final String tag;

    public IllFormedLanguageTagException(String tag, String reason) {
        super("'" + tag + "' is not a well-formed BCP 47 language tag: " + reason);
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
