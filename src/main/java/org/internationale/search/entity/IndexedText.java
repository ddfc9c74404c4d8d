package org.internationale.search.entity;

import java.util.List;

/**
 * One translation of one searchable thing, as indexed: {@code group} ties the translations of the same clause or
 * document together ("also in …").
 */
public record IndexedText(String id, String group, String type, String language, String title, String body, String url,
                          Integer year, List<String> demands) {
}
