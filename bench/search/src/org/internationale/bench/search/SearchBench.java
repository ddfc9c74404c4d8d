package org.internationale.bench.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.control.LanguageAnalyzers;
import org.internationale.search.control.SearchQuery;
import org.internationale.search.control.Searcher;
import org.internationale.search.control.SnapshotSearch;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The search benchmark's phases, run in turn by {@code bench/search/run}:
 * <ol>
 *   <li>{@code load}: generate the corpus, queries and recall ground truth; load the corpus into the database;</li>
 *   <li>{@code api}: measure {@code GET /api/search} of the running application;</li>
 *   <li>{@code offline}: with the application stopped, measure on its index bare Lucene (a top ten; the API's whole
 *   answer with Lucene's own modules) and the application's search code without the server, then PostgreSQL full-text
 *   search, all with the same queries and concurrency; the recall of Lucene and PostgreSQL on Chinese, Japanese,
 *   Korean and Thai words; and report.</li>
 * </ol>
 */
public final class SearchBench {

    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt-BR", "it", "ar", "fa", "hi", "bn", "ru", "uk", "tr",
            "zh-Hans", "ja", "ko", "id", "sw", "he", "th");
    private static final List<String> RECALL_LANGUAGES = List.of("zh-Hans", "ja", "ko", "th");
    /**
     * Passes over the 400 queries before measuring, the same for every system. Two (800 queries) left the server's JIT
     * short of steady state: the API's p50 fell from 3.1 to 1.8 ms between two runs of 4 000 on one server (2026-11-26).
     */
    private static final int WARMUP_PASSES = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "6"));

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args[0]) {
            case "load" -> load(options);
            case "api" -> api(options);
            case "offline" -> offline(options);
            case "costs" -> costs(options);
            case "lucene" -> lucene(options);
            default -> throw new IllegalArgumentException("phase load, api or offline");
        }
    }

    private static Path out(Map<String, String> options) {
        return Path.of(options.get("out"));
    }

    private static int[] concurrencies(Map<String, String> options) {
        return Arrays.stream(options.getOrDefault("concurrency", "1,4").split(",")).mapToInt(Integer::parseInt).toArray();
    }

    // ---------------------------------------------------------------- load

    private static void load(Map<String, String> options) throws Exception {
        Path repository = Path.of(options.get("repo"));
        Path out = out(options);
        int wanted = Integer.parseInt(options.getOrDefault("texts", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261126"));
        long start = System.nanoTime();
        List<Vocabulary> vocabularies = new ArrayList<>();
        for (String language : LANGUAGES) {
            vocabularies.add(Vocabulary.load(repository, repository.resolve("bench/search/words"), language));
        }
        Corpus corpus = new Corpus(vocabularies, demandIds(repository), seed);
        Random random = new Random(seed);
        List<BenchQuery> queries = new ArrayList<>();
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        List<String[]> recall = recallWords(corpus, random);
        Map<String, List<String>> truth = new LinkedHashMap<>();
        recall.forEach(r -> truth.put(r[0] + "\t" + r[1] + "\t" + r[2], new ArrayList<>()));

        CorpusLoad load = new CorpusLoad(options.get("db"), options.get("user"));
        Map<String, String> configs = CorpusLoad.textSearchConfigs(load.connection(), LANGUAGES);
        int texts = 0;
        int groups = 0;
        while (texts < wanted) {
            Corpus.Group group = corpus.group(groups++);
            if (texts + group.texts().size() > wanted) {
                group = new Corpus.Group(group.number(), group.type(), group.sourceLanguage(), group.languages().subList(0, wanted - texts),
                        group.demands(), group.year(), group.dayOfYear(), group.texts().subList(0, wanted - texts));
            }
            load.add(group, configs);
            texts += group.texts().size();
            for (Corpus.Text text : group.texts()) {
                List<String> found = phrases.computeIfAbsent(text.language(), l -> new ArrayList<>());
                if (found.size() < 3 && group.number() % 7 == 0) {
                    phrase(text, random).ifPresent(found::add);
                }
                String searchable = text.searchable();
                for (String[] r : recall) {
                    if (r[0].equals(text.language()) && searchable.contains(r[2])) {
                        truth.get(r[0] + "\t" + r[1] + "\t" + r[2]).add(CorpusLoad.key(group, text.language()));
                    }
                }
            }
        }
        load.finish();
        long loaded = System.nanoTime();
        long fullText = load.buildFullText();
        for (String language : LANGUAGES) {
            queries.addAll(queries(corpus, language, phrases.getOrDefault(language, List.of()), random));
        }
        CorpusLoad.write(out.resolve("queries.tsv"), queries.stream().map(BenchQuery::tsv).toList());
        CorpusLoad.write(out.resolve("recall.tsv"), truth.entrySet().stream().map(e -> e.getKey() + "\t" + String.join(",", e.getValue())).toList());
        Properties figures = new Properties();
        figures.setProperty("texts", Integer.toString(texts));
        figures.setProperty("groups", Integer.toString(groups));
        figures.setProperty("loadMillis", Long.toString((loaded - start) / 1_000_000));
        figures.setProperty("fullTextMillis", Long.toString(fullText));
        figures.setProperty("configs", configs.toString());
        figures.setProperty("queries", Integer.toString(queries.size()));
        try (var writer = Files.newBufferedWriter(out.resolve("load.properties"), StandardCharsets.UTF_8)) {
            figures.store(writer, "corpus load");
        }
        System.out.printf(Locale.ROOT, "corpus: %d texts in %d groups generated and copied in %.1f s; PostgreSQL full-text table and GIN index in %.1f s%n",
                texts, groups, (loaded - start) / 1e9, fullText / 1e3);
    }

    private static List<String> demandIds(Path repository) throws Exception {
        List<String> ids = new ArrayList<>();
        Pattern clause = Pattern.compile("\\[//]: # \\(clause: (demands\\.[^)]+)\\)");
        try (var files = Files.list(repository.resolve("content/platform"))) {
            for (Path file : files.sorted().toList()) {
                Matcher m = clause.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    /** Two or three running words of a summary, as a reader quotes them; in unspaced scripts a few characters. */
    private static Optional<String> phrase(Corpus.Text text, Random random) {
        String summary = text.summary().replaceAll("[.。।]$", "");
        if (Vocabulary.unspaced(text.language())) {
            int length = text.language().equals("th") ? 6 : 4;
            if (summary.length() <= length) {
                return Optional.empty();
            }
            int from = random.nextInt(summary.length() - length);
            return Optional.of(summary.substring(from, from + length));
        }
        String[] words = summary.split(" ");
        if (words.length < 4) {
            return Optional.empty();
        }
        int from = random.nextInt(words.length - 3);
        return Optional.of(String.join(" ", Arrays.asList(words).subList(from, from + 2 + random.nextInt(2))));
    }

    /** Twenty queries of a language: eight single words, four pairs, three phrases, two exclusions, two OR, one typed. */
    private static List<BenchQuery> queries(Corpus corpus, String language, List<String> phrases, Random random) {
        List<BenchQuery> queries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            queries.add(new BenchQuery(language, "-", "word", corpus.vocabularyWord(language, random, i < 3 ? 0 : 30, i < 3 ? 30 : 800)));
        }
        String space = Vocabulary.unspaced(language) ? " " : " ";
        for (int i = 0; i < 4; i++) {
            queries.add(new BenchQuery(language, "-", "words", corpus.vocabularyWord(language, random, 0, 300) + space
                    + corpus.vocabularyWord(language, random, 0, 300)));
        }
        for (String phrase : phrases) {
            queries.add(new BenchQuery(language, "-", "phrase", "\"" + phrase + "\""));
        }
        for (int i = 0; i < 2; i++) {
            queries.add(new BenchQuery(language, "-", "exclusion", corpus.vocabularyWord(language, random, 0, 200) + " -"
                    + corpus.vocabularyWord(language, random, 0, 50)));
        }
        for (int i = 0; i < 2; i++) {
            queries.add(new BenchQuery(language, "-", "or", corpus.vocabularyWord(language, random, 30, 600) + " OR "
                    + corpus.vocabularyWord(language, random, 30, 600)));
        }
        queries.add(new BenchQuery(language, "statement", "typed", corpus.vocabularyWord(language, random, 0, 300)));
        return queries;
    }

    /**
     * Words whose finding is checked against what generation knows: twenty-five per language written without spaces or
     * with particles attached (zh-Hans, ja, ko, th) and twenty-five Japanese words of kanji alone; at least two
     * characters (three in Thai) so that a hit is a word and not a fragment of one.
     */
    private static List<String[]> recallWords(Corpus corpus, Random random) {
        List<String[]> chosen = new ArrayList<>();
        for (String language : RECALL_LANGUAGES) {
            chosen.addAll(pick(corpus, language, "cjk-thai", random, w -> w.codePointCount(0, w.length()) >= (language.equals("th") ? 3 : 2)
                    // Japanese words of kana alone are mostly inflections and particles, found inside other words
                    && (!language.equals("ja") || w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA))));
        }
        chosen.addAll(pick(corpus, "ja", "ja-kanji", random, w -> w.codePointCount(0, w.length()) >= 2
                && w.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)));
        return chosen;
    }

    private static List<String[]> pick(Corpus corpus, String language, String kind, Random random, java.util.function.Predicate<String> fits) {
        List<String> candidates = corpus.words(language).stream().limit(1500).filter(fits).collect(Collectors.toCollection(ArrayList::new));
        java.util.Collections.shuffle(candidates, random);
        return candidates.stream().limit(25).map(w -> new String[]{language, kind, w}).toList();
    }

    // ---------------------------------------------------------------- api

    private static List<BenchQuery> queries(Path out) throws Exception {
        return Files.readAllLines(out.resolve("queries.tsv"), StandardCharsets.UTF_8).stream().map(BenchQuery::parse).toList();
    }

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private static void api(Map<String, String> options) throws Exception {
        Path out = out(options);
        List<BenchQuery> queries = queries(out);
        String base = options.get("base");
        Latencies.Probe probe = System.getenv().getOrDefault("CLIENT", "socket").equals("jdk") ? jdkClient(base) : socketClient(base);
        // the HTTP stack alone, for comparison: the same requests with an empty query, which the API answers without
        // searching (container, security, JAX-RS, language negotiation, JSON, this client). The server is warm by then
        List<BenchQuery> empty = queries.stream().map(q -> new BenchQuery(q.language(), "-", "empty", "")).toList();
        List<String> lines = new ArrayList<>();
        for (int concurrency : concurrencies(options)) {
            Latencies measured = Latencies.measure("api", queries, concurrency, WARMUP_PASSES, requests(options, concurrency), probe);
            System.out.println(line(measured));
            lines.add(measured.tsv());
            Latencies floor = Latencies.measure("api-empty", empty, concurrency, WARMUP_PASSES, 0, requests(options, concurrency), probe);
            System.out.println(line(floor));
            lines.add(floor.tsv());
        }
        Files.write(out.resolve("api.tsv"), lines, StandardCharsets.UTF_8);
    }

    private static String path(BenchQuery query) {
        return "/api/search?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8) + "&lang=" + query.language()
                + (query.typeOrNull() == null ? "" : "&type=" + query.type());
    }

    private static long total(int status, String body) {
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
        Matcher total = TOTAL.matcher(body);
        return total.find() ? Long.parseLong(total.group(1)) : 0;
    }

    /** Each client thread with a kept-open connection of its own, as wrk's (the default). */
    private static Latencies.Probe socketClient(String base) {
        ThreadLocal<KeepAliveClient> connections = ThreadLocal.withInitial(() -> new KeepAliveClient(URI.create(base)));
        return query -> {
            KeepAliveClient.Response response = connections.get().get(path(query));
            return total(response.status(), response.body());
        };
    }

    /** The JDK's HttpClient ({@code CLIENT=jdk}): for comparing its cost with the kept-open sockets'. */
    private static Latencies.Probe jdkClient(String base) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return query -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path(query))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return total(response.statusCode(), response.body());
        };
    }

    private static int requests(Map<String, String> options, int concurrency) {
        return Integer.parseInt(options.getOrDefault("requests", "4000"));
    }

    private static String line(Latencies l) {
        return String.format(Locale.ROOT, "%-10s concurrency %d: %d queries in %.1f s, %.0f/s, p50 %.2f ms, p99 %.2f ms, errors %d, load average %.1f",
                l.system(), l.concurrency(), l.requests(), l.seconds(), l.throughput(), l.p50(), l.p99(), l.errors(), l.load());
    }

    // ---------------------------------------------------------------- offline: bare Lucene, PostgreSQL, recall, report

    private static void offline(Map<String, String> options) throws Exception {
        Path out = out(options);
        List<BenchQuery> queries = queries(out);
        LanguageRegistry registry = new LanguageRegistry(LanguageTag.of("en"), LANGUAGES.stream().map(LanguageTag::of).toList(), Map.of());
        Analyzer analyzer = new LanguageAnalyzers().perField(LANGUAGES.stream().map(LanguageTag::of).toList());
        List<Latencies> results = new ArrayList<>(Files.readAllLines(out.resolve("api.tsv"), StandardCharsets.UTF_8).stream()
                .map(Latencies::parse).toList());
        String url = options.get("db");
        String user = options.get("user");
        Map<String, String> configs;
        try (Connection connection = DriverManager.getConnection(url, user, null)) {
            configs = CorpusLoad.textSearchConfigs(connection, LANGUAGES);
        }
        Map<String, double[]> recall = new LinkedHashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(options.get("index"))))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Latencies.Probe lucene = query -> bareLucene(searcher, analyzer, registry.chain(LanguageTag.of(query.language())).languages(), query);
            for (int concurrency : concurrencies(options)) {
                Latencies measured = Latencies.measure("lucene", queries, concurrency, WARMUP_PASSES, requests(options, concurrency), lucene);
                System.out.println(line(measured));
                results.add(measured);
            }
            for (Map.Entry<String, Latencies.Probe> sameAnswer : sameAnswer(searcher, registry, queries).entrySet()) {
                for (int concurrency : concurrencies(options)) {
                    Latencies measured = Latencies.measure(sameAnswer.getKey(), queries, concurrency, WARMUP_PASSES, requests(options, concurrency),
                            sameAnswer.getValue());
                    System.out.println(line(measured));
                    results.add(measured);
                }
            }
            List<Connection> connections = java.util.Collections.synchronizedList(new ArrayList<>());
            ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
                try {
                    Connection connection = DriverManager.getConnection(url, user, null);
                    connections.add(connection);
                    return connection.prepareStatement(POSTGRES_SEARCH);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Latencies.Probe postgres = query -> postgres(statements.get(), configs, query);
            for (int concurrency : concurrencies(options)) {
                Latencies measured = Latencies.measure("postgres", queries, concurrency, WARMUP_PASSES, requests(options, concurrency), postgres);
                System.out.println(line(measured));
                results.add(measured);
            }
            for (Connection connection : connections) {
                connection.close();
            }
            recall = recall(out, searcher, analyzer, url, user, configs);
            costs(out, searcher);
        }
        report(out, results, recall, configs, queries.size());
    }

    /**
     * The two baselines that compute the API's whole answer (total and facets over every match, a page of translation
     * groups, snippets, other languages) on the same searcher, without the server: Lucene's own modules as documented
     * ({@link LuceneAnswer}), and the application's own search code ({@link SnapshotSearch}, which the API runs).
     */
    private static Map<String, Latencies.Probe> sameAnswer(IndexSearcher searcher, LanguageRegistry registry, List<BenchQuery> queries)
            throws Exception {
        LanguageAnalyzers analyzers = new LanguageAnalyzers();
        Analyzer analyzer = analyzers.perField(LANGUAGES.stream().map(LanguageTag::of).toList());
        LuceneAnswer modules = new LuceneAnswer(searcher, analyzer);
        SnapshotSearch application = new SnapshotSearch(searcher, analyzer, analyzers.universal());
        Map<String, Latencies.Probe> probes = new LinkedHashMap<>();
        probes.put("lucene-answer", query -> modules.answer(registry.chain(LanguageTag.of(query.language())).languages(), query));
        probes.put("application", query -> {
            LanguageTag reader = LanguageTag.of(query.language());
            return application.answer(Searcher.clean(query.text()), registry.chain(reader).languages(), reader, query.typeOrNull(), null, 1, 10)
                    .total();
        });
        // the two answer the same question, or comparing them says nothing: the same number of groups for every query
        for (BenchQuery query : queries) {
            long byModules = probes.get("lucene-answer").run(query);
            long byApplication = probes.get("application").run(query);
            if (byModules != byApplication) {
                throw new IllegalStateException("the whole-answer baselines disagree on " + query.tsv() + ": " + byModules + " and "
                        + byApplication + " groups");
            }
        }
        System.out.println("whole-answer baselines: the same number of groups for all " + queries.size() + " queries");
        return probes;
    }

    /** Bare Lucene alone, as {@code offline} measures it: for trying a change to the index without the whole run. */
    private static void lucene(Map<String, String> options) throws Exception {
        List<BenchQuery> queries = queries(out(options));
        LanguageRegistry registry = new LanguageRegistry(LanguageTag.of("en"), LANGUAGES.stream().map(LanguageTag::of).toList(), Map.of());
        Analyzer analyzer = new LanguageAnalyzers().perField(LANGUAGES.stream().map(LanguageTag::of).toList());
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(options.get("index"))))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Latencies.Probe lucene = query -> bareLucene(searcher, analyzer, registry.chain(LanguageTag.of(query.language())).languages(), query);
            Map<String, Latencies.Probe> probes = new LinkedHashMap<>();
            probes.put("lucene", lucene);
            probes.putAll(sameAnswer(searcher, registry, queries));
            for (int concurrency : concurrencies(options)) {
                for (Map.Entry<String, Latencies.Probe> probe : probes.entrySet()) {
                    System.out.println(line(Latencies.measure(probe.getKey(), queries, concurrency, WARMUP_PASSES, requests(options, concurrency),
                            probe.getValue())));
                }
            }
        }
    }

    /** Each query alone on bare Lucene, median of five runs: which kinds of query make the slow tail. */
    private static void costs(Map<String, String> options) throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(options.get("index"))))) {
            costs(out(options), new IndexSearcher(reader));
        }
    }

    private static void costs(Path out, IndexSearcher searcher) throws Exception {
        List<BenchQuery> queries = queries(out);
        LanguageRegistry registry = new LanguageRegistry(LanguageTag.of("en"), LANGUAGES.stream().map(LanguageTag::of).toList(), Map.of());
        Analyzer analyzer = new LanguageAnalyzers().perField(LANGUAGES.stream().map(LanguageTag::of).toList());
        record Cost(BenchQuery query, double millis, long hits) {
        }
        List<Cost> costs = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (BenchQuery query : queries) {
                bareLucene(searcher, analyzer, registry.chain(LanguageTag.of(query.language())).languages(), query);
            }
        }
        for (BenchQuery query : queries) {
            long[] nanos = new long[5];
            long hits = 0;
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                hits = bareLucene(searcher, analyzer, registry.chain(LanguageTag.of(query.language())).languages(), query);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            costs.add(new Cost(query, nanos[2] / 1e6, hits));
        }
        costs.sort(java.util.Comparator.comparingDouble(Cost::millis).reversed());
        List<String> lines = new ArrayList<>();
        lines.add("Bare Lucene, each query alone (median of 5 runs), slowest first:");
        costs.stream().limit(15).forEach(c -> lines.add(String.format(Locale.ROOT, "  %7.2f ms  %6d hits  %-8s %-9s %s", c.millis(), c.hits(),
                c.query().language(), c.query().kind(), c.query().text())));
        Map<String, List<Double>> byKind = new java.util.TreeMap<>();
        costs.forEach(c -> byKind.computeIfAbsent(c.query().kind(), k -> new ArrayList<>()).add(c.millis()));
        lines.add("By kind (median and slowest of the per-query medians):");
        byKind.forEach((kind, millis) -> {
            List<Double> sorted = millis.stream().sorted().toList();
            lines.add(String.format(Locale.ROOT, "  %-9s %3d queries  median %6.2f ms  slowest %7.2f ms", kind, sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)));
        });
        Files.write(out.resolve("costs.txt"), lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }

    /**
     * Bare Lucene: the query the application builds for this reader (same analyzers, same fallback chain, same
     * relaxation of plain words that find almost nothing), top ten with their stored fields read; no grouping,
     * highlighting, facets or HTTP.
     */
    private static long bareLucene(IndexSearcher searcher, Analyzer analyzer, List<LanguageTag> chain, BenchQuery query) throws Exception {
        String text = Searcher.clean(query.text());
        TopDocs top = top(searcher, analyzer, chain, query, text, BooleanClause.Occur.MUST);
        if (top.totalHits.value < 3 && Searcher.plainWords(text)) {
            TopDocs relaxed = top(searcher, analyzer, chain, query, text, BooleanClause.Occur.SHOULD);
            if (relaxed.totalHits.value > top.totalHits.value) {
                top = relaxed;
            }
        }
        StoredFields texts = searcher.storedFields();
        for (ScoreDoc hit : top.scoreDocs) {
            Document stored = texts.document(hit.doc);
            if (stored.get("id") == null) {
                throw new IllegalStateException("no id stored");
            }
        }
        return top.totalHits.value;
    }

    private static TopDocs top(IndexSearcher searcher, Analyzer analyzer, List<LanguageTag> chain, BenchQuery query, String text,
                               BooleanClause.Occur operator) throws Exception {
        Optional<SearchQuery> built = SearchQuery.of(text, analyzer, chain, operator, query.typeOrNull(), null);
        return built.isEmpty() ? new TopDocs(new org.apache.lucene.search.TotalHits(0, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
                new ScoreDoc[0]) : searcher.search(built.get().full(), 10);
    }

    /**
     * PostgreSQL's counterpart: the reader's language with its configuration, and English (the fallback) with English's,
     * websearch syntax ("phrases", -exclude, OR), best ten by ts_rank.
     */
    private static final String POSTGRES_SEARCH = """
            WITH q AS (SELECT websearch_to_tsquery(?::regconfig, ?) AS own, websearch_to_tsquery('english', ?) AS en)
            SELECT key, count(*) OVER () FROM bench_fts, q
            WHERE ((lang = ? AND tsv @@ own) OR (lang = 'en' AND tsv @@ en)) AND (?::text IS NULL OR type = ?)
            ORDER BY ts_rank(tsv, CASE WHEN lang = 'en' THEN en ELSE own END) DESC LIMIT 10""";

    private static long postgres(PreparedStatement statement, Map<String, String> configs, BenchQuery query) throws Exception {
        statement.setString(1, configs.get(query.language()));
        statement.setString(2, query.text());
        statement.setString(3, query.text());
        statement.setString(4, query.language());
        statement.setString(5, query.typeOrNull());
        statement.setString(6, query.typeOrNull());
        long total = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                total = rows.getLong(2);
            }
        }
        return total;
    }

    /** kind → {relevant, found by Lucene, found by PostgreSQL, queries}. */
    private static Map<String, double[]> recall(Path out, IndexSearcher searcher, Analyzer analyzer, String url, String user,
                                               Map<String, String> configs) throws Exception {
        Map<String, double[]> byKind = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, null);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT key FROM bench_fts WHERE lang = ? AND tsv @@ websearch_to_tsquery(?::regconfig, ?)")) {
            for (String line : Files.readAllLines(out.resolve("recall.tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                String language = f[0];
                Set<String> relevant = f[3].isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(f[3].split(",")));
                if (relevant.isEmpty()) {
                    continue;
                }
                Set<String> lucene = new HashSet<>();
                Optional<SearchQuery> query = SearchQuery.of(Searcher.clean(f[2]), analyzer, List.of(LanguageTag.of(language)),
                        BooleanClause.Occur.MUST, null, null);
                if (query.isPresent()) {
                    for (ScoreDoc hit : searcher.search(query.get().full(), 200_000).scoreDocs) {
                        lucene.add(searcher.storedFields().document(hit.doc, Set.of("id")).get("id"));
                    }
                }
                Set<String> postgres = new HashSet<>();
                statement.setString(1, language);
                statement.setString(2, configs.get(language));
                statement.setString(3, f[2]);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        postgres.add(rows.getString(1));
                    }
                }
                for (String key : List.of(f[1] + " " + language, f[1])) {
                    double[] sums = byKind.computeIfAbsent(key, k -> new double[5]);
                    sums[0] += relevant.size();
                    sums[1] += lucene.stream().filter(relevant::contains).count();
                    sums[2] += postgres.stream().filter(relevant::contains).count();
                    sums[3] += 1;
                    sums[4] += lucene.size() - lucene.stream().filter(relevant::contains).count();
                }
            }
        }
        return byKind;
    }

    private static void report(Path out, List<Latencies> results, Map<String, double[]> recall, Map<String, String> configs, int queries)
            throws Exception {
        Properties load = new Properties();
        try (var reader = Files.newBufferedReader(out.resolve("load.properties"), StandardCharsets.UTF_8)) {
            load.load(reader);
        }
        Properties rebuild = new Properties();
        try (var reader = Files.newBufferedReader(out.resolve("rebuild.properties"), StandardCharsets.UTF_8)) {
            rebuild.load(reader);
        }
        int texts = Integer.parseInt(load.getProperty("texts"));
        double rebuildSeconds = Long.parseLong(rebuild.getProperty("millis")) / 1e3;
        double fullTextSeconds = Long.parseLong(load.getProperty("fullTextMillis")) / 1e3;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Corpus: %d texts (index documents) in %s translation groups, 20 languages; %d queries.%n%n",
                texts, load.getProperty("groups"), queries));
        md.append("| indexing | texts | seconds | texts/s |\n|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| application start-up rebuild (database → Lucene, all fields) | %s | %.1f | %.0f |%n",
                rebuild.getProperty("texts"), rebuildSeconds, Integer.parseInt(rebuild.getProperty("texts")) / rebuildSeconds));
        md.append(String.format(Locale.ROOT, "| PostgreSQL `to_tsvector` table + GIN index (baseline) | %d | %.1f | %.0f |%n%n",
                texts, fullTextSeconds, texts / fullTextSeconds));
        md.append("| system | clients | queries | p50 ms | p99 ms | mean ms | queries/s | errors | load average |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Latencies l : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %.0f | %d | %.1f |%n", name(l.system()), l.concurrency(),
                    l.requests(), l.p50(), l.p99(), l.mean(), l.throughput(), l.errors(), l.load()));
        }
        md.append("\n| ratio | clients | p50 | p99 | throughput |\n|---|---|---|---|---|\n");
        for (Latencies api : results.stream().filter(l -> l.system().equals("api")).toList()) {
            for (String other : List.of("lucene", "lucene-answer", "application", "postgres")) {
                results.stream().filter(l -> l.system().equals(other) && l.concurrency() == api.concurrency()).findFirst().ifPresent(o ->
                        md.append(String.format(Locale.ROOT, "| API / %s | %d | %.2f× | %.2f× | %.2f× |%n", name(other), api.concurrency(),
                                api.p50() / o.p50(), api.p99() / o.p99(), api.throughput() / o.throughput())));
            }
            // not the target's ratio: how the API's own search work compares with bare Lucene once the HTTP floor is taken off
            results.stream().filter(l -> l.system().equals("api-empty") && l.concurrency() == api.concurrency()).findFirst().ifPresent(floor ->
                    results.stream().filter(l -> l.system().equals("lucene") && l.concurrency() == api.concurrency()).findFirst().ifPresent(lu ->
                            md.append(String.format(Locale.ROOT, "| (API − its empty-query floor) / bare Lucene | %d | %.2f× | %.2f× | – |%n",
                                    api.concurrency(), (api.p50() - floor.p50()) / lu.p50(), (api.p99() - floor.p99()) / lu.p99()))));
            results.stream().filter(l -> l.system().equals("postgres") && l.concurrency() == api.concurrency()).findFirst().ifPresent(pg ->
                    results.stream().filter(l -> l.system().equals("lucene") && l.concurrency() == api.concurrency()).findFirst().ifPresent(lu ->
                            md.append(String.format(Locale.ROOT, "| PostgreSQL / bare Lucene | %d | %.2f× | %.2f× | %.2f× |%n",
                                    api.concurrency(), pg.p50() / lu.p50(), pg.p99() / lu.p99(), pg.throughput() / lu.throughput()))));
        }
        md.append("\n| recall (words known from generation) | queries | relevant | Lucene (application query) | PostgreSQL |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, double[]> e : recall.entrySet()) {
            double[] s = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.3f | %.3f |%n", e.getKey(), s[3], s[0], s[1] / s[0], s[2] / s[0]));
        }
        md.append("\nPostgreSQL configurations: ").append(configs).append('\n');
        Files.writeString(out.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
    }

    private static String name(String system) {
        return switch (system) {
            case "api" -> "API `GET /api/search` (HTTP, kept-open connections)";
            case "api-empty" -> "API with an empty query: the HTTP floor, no search";
            case "lucene" -> "bare Lucene `IndexSearcher`, same queries: top ten and their stored fields";
            case "lucene-answer" -> "bare Lucene, the API's whole answer with Lucene's grouping, facet and highlighter modules";
            case "application" -> "the application's own search code on an `IndexSearcher`, no server";
            default -> "PostgreSQL full-text search";
        };
    }
}
