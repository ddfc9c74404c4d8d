package org.internationale.site.boundary;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public JSON resource whose answer is the same for every anonymous reader of the same address and
 * {@code Accept-Language}, and changes only with the content: {@link RenderedJson} keeps it in the page cache.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KeptRendered {
}
