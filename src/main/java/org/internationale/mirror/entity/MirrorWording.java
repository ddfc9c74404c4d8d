package org.internationale.mirror.entity;

/**
 * The interface's words a mirrored page of one language needs, already in that language.
 *
 * @param notice  the mirror notice's sentence for this page's date, followed by the link to the site
 * @param edition the platform edition's sentence, empty when no edition is published
 */
public record MirrorWording(String language, String notice, String edition, String form, String searchOffline, String searchNone,
                            String searchAll) {
}
