package org.internationale.locale.entity;

import org.internationale.api.entity.DescribedProblem;

import java.util.Map;
/** A client or configuration gave text that is not a well-formed BCP 47 tag. */
public class IllFormedLanguageTagException extends IllegalArgumentException implements DescribedProblem {

    private final String tag;

    public IllFormedLanguageTagException(String tag, String reason) {
        super("'" + tag + "' is not a well-formed BCP 47 language tag: " + reason);
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Ill-formed language tag";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("tag", tag);
    }
}
