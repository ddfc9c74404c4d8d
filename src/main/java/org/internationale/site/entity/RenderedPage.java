package org.internationale.site.entity;

/** A page's bytes as sent, its strong entity tag and its language ({@code Content-Language}). */
public record RenderedPage(byte[] body, String etag, String language) {
}
