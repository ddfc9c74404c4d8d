package org.internationale.text.entity;

import java.util.Locale;

/** A run of a word-level diff: text that both sides share, or that only the newer ({@code INSERT}) or older has. */
public record DiffRun(Op op, String text) {

    public enum Op {
        EQUAL, INSERT, DELETE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
