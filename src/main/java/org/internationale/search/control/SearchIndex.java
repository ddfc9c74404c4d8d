package org.internationale.search.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.entity.IndexedText;
import org.internationale.site.control.PageCache;
import org.internationale.system.control.DatabaseSettings;
import org.internationale.system.control.FolderTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Lucene index under {@code DATA_DIR/index/v<schema>}. Opening it finds out whether it must be rebuilt: missing,
 * unreadable (corrupt) or written by an older schema version — the version is part of the folder name and recorded in
 * the commit data. Writes are visible to the next search at once ({@link SearcherManager#maybeRefreshBlocking}).
 */
@ApplicationScoped
public class SearchIndex {

    /**
     * Raise when fields, what they hold, analysis or the index's order change: the index is then rebuilt from the
     * database. (Bodies are the text readers see, without Markdown, since version 5.)
     */
    public static final int SCHEMA_VERSION = 6;

    /**
     * Each segment keeps its texts ordered by language. A language's own fields (title_ja, body_ja) exist only on its
     * texts, a twentieth of the index, so Lucene stores their norms sparsely, and scoring a match looked its norm up by
     * scanning the block's list of documents: 8 % of the API's search time at 100 000 texts (profiled), paid for every
     * match because the API counts all of them. With a language's texts side by side those lookups are direct, and
     * stored texts compress against neighbours in the same language (index 228 → 191 MB). A group's texts stay in one
     * segment (they are added as one block), which is all that counting groups per segment needs.
     */
    static final Sort BY_LANGUAGE = new Sort(new SortField("language", SortField.Type.STRING));
    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

    @Inject
    PageCache pages;

    @Inject
    @ConfigProperty(name = DatabaseSettings.DATA_DIR)
    String dataDir;

    @Inject
    LanguageRegistry languages;

    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private Analyzer analyzer;
    private boolean needsRebuild;
    /** Commit data key of {@link #appliedChanges()}. */
    private static final String CHANGES = "changes";
    /** Commit data key present while a rebuild is filling the index: a crash meanwhile left it incomplete. */
    private static final String REBUILDING = "rebuilding";
    private volatile long appliedChanges;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** Grows with every change to the index: derived structures (suggestions) rebuild when it moved. */
    public long generation() {
        return generation.get();
    }

    public LanguageAnalyzers analyzers() {
        return analyzers;
    }

    /** Opens (creating or replacing as needed) the index; true when it must be filled from the database. */
    public synchronized boolean open() {
        if (writer != null) {
            return needsRebuild;
        }
        try {
            Path folder = Path.of(dataDir).resolve("index").resolve("v" + SCHEMA_VERSION);
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            analyzer = analyzers.perField(languages.languages().stream().map(Language::tag).toList());
            Long position = completePosition(directory);
            needsRebuild = position == null;
            appliedChanges = needsRebuild ? 0 : position;
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(needsRebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setIndexSort(BY_LANGUAGE);
            writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(commitData(appliedChanges));
            writer.commit();
            searchers = new SearcherManager(writer, null);
            removeOlderSchemas(folder.getParent());
            return needsRebuild;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes of older schema versions are never read again: their disk space is given back. */
    private static void removeOlderSchemas(Path indexes) {
        for (int version = 1; version < SCHEMA_VERSION; version++) {
            Path older = indexes.resolve("v" + version);
            if (!Files.isDirectory(older)) {
                continue;
            }
            try {
                FolderTree.delete(older);
                LOG.info(() -> "Removed the search index of schema " + older.getFileName());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "The old search index " + older + " could not be removed: " + e.getMessage());
            }
        }
    }

    /**
     * The change log position recorded by the last commit of a readable, non-empty, finished index of this schema (0
     * for one written before the log existed); null when the index must be rebuilt.
     */
    private static Long completePosition(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                boolean complete = Integer.toString(SCHEMA_VERSION).equals(data.get("schema")) && !data.containsKey(REBUILDING)
                        && reader.numDocs() > 0;
                return complete ? Long.valueOf(data.getOrDefault(CHANGES, "0")) : null;
            }
        } catch (IOException | RuntimeException corrupt) {
            LOG.log(Level.WARNING, "The search index cannot be read and will be rebuilt: " + corrupt.getMessage());
            return null;
        }
    }

    private static Iterable<Map.Entry<String, String>> commitData(long changes) {
        return Map.of("schema", Integer.toString(SCHEMA_VERSION), CHANGES, Long.toString(changes)).entrySet();
    }

    /** The position in the search change log up to which this index has every change, as of its last commit or later. */
    public long appliedChanges() {
        return appliedChanges;
    }

    /**
     * Records that every change of the log up to {@code position} is in the index, in a commit of its own: the position
     * is durable exactly when the changes it covers are, and after a crash the index carries on from there.
     */
    public void recordApplied(long position) {
        open();
        try {
            synchronized (this) {
                appliedChanges = position;
                writer.setLiveCommitData(commitData(position));
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes what was written visible to the next search, and forgets the rendered pages: a search page or answer kept
     * before the index moved would otherwise be served until the next change, the index lagging the change that
     * emptied the cache (on another instance, by up to the change log's second).
     */
    private void visible() throws IOException {
        searchers.maybeRefreshBlocking();
        if (pages != null) {
            pages.forget();
        }
    }

    public Analyzer analyzer() {
        open();
        return analyzer;
    }

    /** Words of every script the offered languages use, so that each script's segmentation rules are loaded too. */
    static final String WARM_UP_TEXT = "Workers of the world, unite! Trabajadores travailleurs Arbeiter trabalhadores lavoratori"
            + " işçiler İstanbul рабочие робітники العمال کارگران\u200cها मज़दूर শ্রমিক עובדים wafanyakazi manggagawa công nhân"
            + " 労働者の権利 工人們团结起来 노동자들이 คนงานทั่วโลก தொழிலாளர்கள் ሠራተኞች အလုပ်သမားများ កម្មករទាំងអស់ مزدوروں robotnicy";

    /**
     * Loads what each field's analysis needs before a reader or a publication does. Lucene and ICU read their
     * dictionaries, break rules and transforms on first use (Japanese and Korean dictionaries, ICU's Thai and CJK
     * word break engines, the Traditional–Simplified transform): after a restart onto an index already on disk, the
     * first search in Japanese or Korean waited 0.3–0.4 s for it, and the first campaign's start paid for it while its
     * newsletter was indexed in each language.
     *
     * @return the number of fields analysed
     */
    public int warmUpAnalysis() {
        Analyzer perField = analyzer();
        List<String> fields = new ArrayList<>();
        for (Language language : languages.languages()) {
            String field = "body_" + LanguageAnalyzers.fieldLanguage(language.tag());
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        fields.add("body_all");
        for (String field : fields) {
            LanguageAnalyzers.tokens(perField, field, WARM_UP_TEXT);
        }
        return fields.size();
    }

    /**
     * Loads, on the calling thread, what analysing, indexing and searching need ({@link #warmUpAnalysis()}, then the
     * warm-up text in every offered language through an index in memory with this index's fields and order). Payara
     * closes the application's jar files at the end of starting its web module, after {@code @Startup} beans have run:
     * a background thread that loaded a class at that moment failed, and a class whose static initialisation fails is
     * unusable until the JVM ends — ICU's {@code Transliterator} failed so during a start-up rebuild, and every search
     * of that server answered 500 from then on. {@link SearchStartup} calls this on the deploying thread, before any
     * background work; the classes and dictionaries are then loaded once, while the jars are open.
     *
     * @return the number of analysed fields
     */
    public int warmUp() {
        int fields = warmUpAnalysis();
        try (Directory memory = new ByteBuffersDirectory();
             IndexWriter scratch = new IndexWriter(memory, new IndexWriterConfig(analyzer()).setIndexSort(BY_LANGUAGE))) {
            List<Document> documents = new ArrayList<>();
            for (Language language : languages.languages()) {
                documents.add(document(new IndexedText("warm-up:" + language.tag().value(), "warm-up", "update", language.tag().value(),
                        "Warm-up", WARM_UP_TEXT, "/", 2026, List.of("warm-up"))));
            }
            scratch.addDocuments(documents);
            scratch.commit();
            try (DirectoryReader reader = DirectoryReader.open(scratch)) {
                new IndexSearcher(reader).search(new TermQuery(new Term("group", "warm-up")), 10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /**
     * Replaces everything indexed for these groups by these texts. A group may be named more than once (once per
     * text, say); each is replaced once — deleting a group again after its new block went in emptied it.
     */
    public void replace(Collection<String> groups, List<IndexedText> texts) {
        open();
        try {
            Map<String, List<Document>> blocks = blocks(texts);
            for (String group : new LinkedHashSet<>(groups)) {
                List<Document> block = blocks.remove(group);
                if (block == null) {
                    writer.deleteDocuments(new Term("group", group));
                } else {
                    writer.updateDocuments(new Term("group", group), block);
                }
            }
            for (List<Document> block : blocks.values()) {
                writer.addDocuments(block);
            }
            writer.commit();
            visible();
            generation.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds texts without making them visible: a rebuild adds many documents between two {@link #publish()} calls
     * instead of committing after each (a commit syncs files to disk and takes milliseconds).
     */
    public void add(List<IndexedText> texts) {
        open();
        try {
            for (List<Document> block : blocks(texts).values()) {
                writer.addDocuments(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits what was added and makes it visible to the next search. */
    public void publish() {
        open();
        try {
            writer.commit();
            visible();
            generation.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the index into one segment. After a rebuild it is in dozens of segments, and a query pays for each: every
     * term is looked up in every segment, and counting groups starts afresh per segment. Searches go on meanwhile.
     */
    public void merge() {
        open();
        try {
            writer.forceMerge(1);
            writer.commit();
            visible();
            generation.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many texts the index holds now. */
    public int size() throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /** Empties the index for a rebuild; until {@link #recordApplied} ends it, a restart finds it unfinished and rebuilds again. */
    public void clear() {
        open();
        try {
            synchronized (this) {
                writer.setLiveCommitData(Map.of("schema", Integer.toString(SCHEMA_VERSION), REBUILDING, "true").entrySet());
            }
            writer.deleteAll();
            writer.commit();
            visible();
            generation.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void rebuilt() {
        needsRebuild = false;
    }

    /**
     * A group's texts (a clause or document in all its languages) as one block: Lucene keeps a block's documents
     * together in one segment through merges, which lets a search count distinct groups segment by segment
     * ({@link ChainCollector}). Schema 3 introduced this; an older index is rebuilt.
     */
    private Map<String, List<Document>> blocks(List<IndexedText> texts) {
        Map<String, List<Document>> blocks = new LinkedHashMap<>();
        for (IndexedText text : texts) {
            blocks.computeIfAbsent(text.group(), g -> new ArrayList<>()).add(document(text));
        }
        return blocks;
    }

    /** Stored, with offsets in the postings: the highlighter reads them instead of analysing each shown body again. */
    private static final FieldType BODY = new FieldType(TextField.TYPE_STORED);

    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
    }

    /** A text as the index holds it; package-private for tests that build an index of the same shape. */
    static Document document(IndexedText text) {
        String fl = LanguageAnalyzers.fieldLanguage(LanguageTag.of(text.language()));
        Document document = new Document();
        document.add(new StringField("id", text.id(), Field.Store.YES));
        document.add(new StringField("group", text.group(), Field.Store.YES));
        document.add(new SortedDocValuesField("group", new BytesRef(text.group())));
        document.add(new StringField("type", text.type(), Field.Store.YES));
        document.add(new SortedDocValuesField("type", new BytesRef(text.type())));
        document.add(new StringField("language", text.language(), Field.Store.YES));
        document.add(new SortedDocValuesField("language", new BytesRef(text.language())));
        document.add(new StoredField("url", text.url()));
        document.add(new StoredField("fieldLanguage", fl));
        if (text.year() != null) {
            document.add(new IntPoint("year", text.year()));
            document.add(new StoredField("year", text.year()));
            document.add(new NumericDocValuesField("year", text.year()));
        }
        for (String demand : text.demands()) {
            document.add(new StringField("demand", demand, Field.Store.NO));
        }
        document.add(new TextField("title_" + fl, text.title(), Field.Store.YES));
        document.add(new Field("body_" + fl, text.body(), BODY));
        document.add(new TextField("title_all", text.title(), Field.Store.NO));
        document.add(new TextField("body_all", text.body(), Field.Store.NO));
        return document;
    }

    public IndexSearcher acquire() throws IOException {
        open();
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @PreDestroy
    synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the search index: " + e.getMessage());
        }
    }
}
