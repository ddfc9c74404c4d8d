package org.internationale.system.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the annotated code call an API that forbidden-apis refuses everywhere else (src/build/forbidden): the one place
 * that reads the system clock, or a process whose output is its protocol. {@link #reason()} says why it may.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SuppressForbidden {

    String reason();
}
