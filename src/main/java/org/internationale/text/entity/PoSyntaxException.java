package org.internationale.text.entity;

import org.internationale.api.entity.DescribedProblem;

import java.util.Map;
/** A PO file that gettext would not accept, with the line to look at. */
public class PoSyntaxException extends IllegalArgumentException implements DescribedProblem {

    private final int line;

    public PoSyntaxException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Unreadable translation file";
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("line", line);
    }
}
