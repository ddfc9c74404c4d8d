package org.internationale.translation.entity;

/** A PO file that gettext would not accept, with the line to look at. */
public class PoSyntaxException extends IllegalArgumentException {

    private final int line;

    public PoSyntaxException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
