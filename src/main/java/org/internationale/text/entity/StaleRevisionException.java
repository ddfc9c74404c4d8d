package org.internationale.text.entity;

import org.internationale.api.entity.DescribedProblem;

import java.util.LinkedHashMap;
import java.util.Map;
/** A writer based an edit on a revision that is no longer the latest: answering 409 keeps both versions. */
public class StaleRevisionException extends RuntimeException implements DescribedProblem {

    private final int baseRevision;
    private final int currentRevision;
    private final String currentText;
    private final String attemptedText;

    public StaleRevisionException(String what, int baseRevision, int currentRevision, String currentText) {
        this(what, baseRevision, currentRevision, currentText, null);
    }

    /** @param attemptedText the text that was not saved, returned to the writer so that nothing is lost */
    public StaleRevisionException(String what, int baseRevision, int currentRevision, String currentText, String attemptedText) {
        super(what + " was edited since revision " + baseRevision + "; the latest is revision " + currentRevision
                + ". Merge your change into it and send it again with baseRevision " + currentRevision + ".");
        this.baseRevision = baseRevision;
        this.currentRevision = currentRevision;
        this.currentText = currentText;
        this.attemptedText = attemptedText;
    }

    public String attemptedText() {
        return attemptedText;
    }

    public int baseRevision() {
        return baseRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }

    public String currentText() {
        return currentText;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Edited by someone else";
    }

    /** Both texts go back, so the writer can merge without losing a word. */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("baseRevision", baseRevision);
        fields.put("currentRevision", currentRevision);
        fields.put("currentText", currentText);
        fields.put("yourText", attemptedText);
        return fields;
    }
}
