package org.internationale.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Generates the benchmark's documents, the same ones for the same seed: updates, statements and pages written in one
 * language and translated into others (translation groups, as in the application), each text a title, a one-sentence
 * summary and a Markdown body of a few hundred words drawn from the language's real vocabulary with Zipf frequencies.
 */
final class Corpus {

    record Text(String language, String title, String summary, String body) {
        String searchable() {
            return title + "\n" + summary + "\n" + body;
        }
    }

    record Group(int number, String type, String sourceLanguage, List<String> languages, List<String> demands, int year,
                 int dayOfYear, List<Text> texts) {
    }

    private final List<String> languages;
    private final List<Vocabulary> vocabularies;
    private final List<double[]> zipf = new ArrayList<>();
    private final List<String> demandIds;
    private final long seed;

    Corpus(List<Vocabulary> vocabularies, List<String> demandIds, long seed) {
        this.vocabularies = vocabularies;
        this.languages = vocabularies.stream().map(v -> v.language).toList();
        this.demandIds = demandIds;
        this.seed = seed;
        for (Vocabulary vocabulary : vocabularies) {
            double[] cumulative = new double[vocabulary.words.size()];
            double sum = 0;
            for (int rank = 0; rank < cumulative.length; rank++) {
                sum += 1.0 / Math.pow(rank + 2, 0.9);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < cumulative.length; rank++) {
                cumulative[rank] /= sum;
            }
            zipf.add(cumulative);
        }
    }

    /** Group number {@code n}: its own random stream, so groups can be made in any order and stay the same. */
    Group group(int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        double kind = random.nextDouble();
        String type = kind < 0.70 ? "UPDATE" : kind < 0.95 ? "STATEMENT" : "PAGE";
        String source = random.nextDouble() < 0.35 ? "en" : languages.get(random.nextInt(languages.size()));
        List<String> in = new ArrayList<>(List.of(source));
        int translations = random.nextInt(8);
        while (in.size() < 1 + translations) {
            String language = languages.get(random.nextInt(languages.size()));
            if (!in.contains(language)) {
                in.add(language);
            }
        }
        List<String> demands = new ArrayList<>();
        if (type.equals("UPDATE") && random.nextDouble() < 0.5) {
            demands.add(demandIds.get(random.nextInt(demandIds.size())));
        }
        List<Text> texts = new ArrayList<>();
        for (String language : in) {
            texts.add(text(language, random.split()));
        }
        return new Group(n, type, source, List.copyOf(in), List.copyOf(demands), 2019 + random.nextInt(8), 1 + random.nextInt(365),
                texts);
    }

    private Text text(String language, SplittableRandom random) {
        int v = languages.indexOf(language);
        String title = sentence(v, random, 4, 8, false);
        String summary = sentence(v, random, 10, 18, true);
        StringBuilder body = new StringBuilder();
        body.append("## ").append(sentence(v, random, 3, 5, false)).append("\n\n");
        int paragraphs = 4 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                body.append(s == 0 || Vocabulary.unspaced(language) && !language.equals("th") ? "" : " ")
                        .append(sentence(v, random, 8, 16, true));
            }
            body.append("\n\n");
            if (p == 1) {
                for (int item = 0; item < 3; item++) {
                    body.append("- ").append(sentence(v, random, 4, 8, false)).append('\n');
                }
                body.append('\n');
            }
        }
        return new Text(language, title, summary, body.toString().strip());
    }

    private String sentence(int v, SplittableRandom random, int min, int max, boolean stop) {
        String language = languages.get(v);
        String separator = Vocabulary.unspaced(language) ? "" : " ";
        int count = min + random.nextInt(max - min + 1);
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sentence.append(i == 0 ? "" : separator).append(word(v, random.nextDouble()));
        }
        String text = capitalized(sentence.toString(), language);
        if (!stop) {
            return text;
        }
        return text + switch (language) {
            case "zh-Hans", "ja" -> "。";
            case "hi", "bn" -> "।";
            case "th" -> "";
            default -> ".";
        };
    }

    private String word(int v, double uniform) {
        double[] cumulative = zipf.get(v);
        int at = java.util.Arrays.binarySearch(cumulative, uniform);
        int rank = at >= 0 ? at : Math.min(cumulative.length - 1, -at - 1);
        return vocabularies.get(v).words.get(rank);
    }

    private static String capitalized(String text, String language) {
        if (text.isEmpty() || !Character.isLowerCase(text.codePointAt(0))) {
            return text;
        }
        int first = Character.charCount(text.codePointAt(0));
        return text.substring(0, first).toUpperCase(Locale.forLanguageTag(language)) + text.substring(first);
    }

    /** A random word of rank within [from, to) of a language's vocabulary, deterministic for the random given. */
    String vocabularyWord(String language, Random random, int from, int to) {
        List<String> words = vocabularies.get(languages.indexOf(language)).words;
        int upper = Math.min(to, words.size());
        return words.get(Math.min(from, upper - 1) + random.nextInt(Math.max(1, upper - from)));
    }

    List<String> words(String language) {
        return vocabularies.get(languages.indexOf(language)).words;
    }
}
