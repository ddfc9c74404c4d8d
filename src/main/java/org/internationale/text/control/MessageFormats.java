package org.internationale.text.control;

import com.ibm.icu.text.MessagePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What an ICU MessageFormat pattern uses: its argument names and the keywords of its plural cases. */
public final class MessageFormats {

    private MessageFormats() {
    }

    /** @throws IllegalArgumentException when the pattern is not valid MessageFormat */
    public static MessagePattern parse(String pattern) {
        return new MessagePattern(pattern);
    }

    public static Set<String> arguments(String pattern) {
        MessagePattern parsed = parse(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(parsed.getSubstring(part));
            }
        }
        return names;
    }

    /** For each plural argument, its keyword cases ({@code =N} cases left out), in order of appearance. */
    public static List<Set<String>> pluralKeywords(String pattern) {
        MessagePattern parsed = parse(pattern);
        List<Set<String>> plurals = new ArrayList<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType() == MessagePattern.ArgType.PLURAL) {
                Set<String> keywords = new TreeSet<>();
                int limit = parsed.getLimitPartIndex(i);
                for (int j = i + 1; j < limit; j++) {
                    MessagePattern.Part selector = parsed.getPart(j);
                    if (selector.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        String keyword = parsed.getSubstring(selector);
                        if (!keyword.startsWith("=")) {
                            keywords.add(keyword);
                        }
                        j = parsed.getLimitPartIndex(j + 1);
                    }
                }
                plurals.add(keywords);
            }
        }
        return plurals;
    }
}
