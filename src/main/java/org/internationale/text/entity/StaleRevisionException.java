package org.internationale.text.entity;

/** A writer based an edit on a revision that is no longer the latest: answering 409 keeps both versions. */
public class StaleRevisionException extends RuntimeException {

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
}
