package org.internationale.newsletter.entity;

import java.util.List;
import java.util.Map;

/**
 * Who would get which language if the campaign went out now: subscribers per served language, and the readers who
 * fall back, grouped — "412 Tigrinya readers will get English". {@code missingApprovals} are required languages not
 * yet approved: while any is missing, the campaign waits.
 */
public record Coverage(long campaign, long newsletter, int total, Map<String, Integer> byLanguage, List<Fallback> fallbacks,
                       List<String> requiredLanguages, List<String> missingApprovals, boolean blocked) {

    public record Fallback(String wanted, String wantedName, String served, String servedName, int count, String message) {
    }
}
