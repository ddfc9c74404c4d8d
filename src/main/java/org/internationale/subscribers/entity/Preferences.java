package org.internationale.subscribers.entity;

import java.util.List;

/**
 * What a subscriber's preference page shows: up to three languages in their order (each a choice among the offered
 * ones, plus the one chosen if it is not offered yet), the topics, and whether mail is paused.
 */
public record Preferences(String email, List<Slot> languages, List<Topic> topics, boolean paused) {

    /** The n-th language choice; every slot after the first may be left empty. */
    public record Slot(int number, boolean optional, List<Option> options) {
    }

    public record Option(String tag, String name, boolean selected) {
    }

    public record Topic(String name, boolean chosen) {
    }
}
