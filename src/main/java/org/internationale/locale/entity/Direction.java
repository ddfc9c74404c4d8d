package org.internationale.locale.entity;

import java.util.Locale;

/** Script direction of a language, as the HTML {@code dir} attribute spells it. */
public enum Direction {
    LTR, RTL;

    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }
}
