package org.internationale.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.search.entity.IndexedText;

import java.io.IOException;
import java.util.List;

/**
 * An index in memory written as the application writes it ({@link SearchIndex#document}, each translation group one
 * block, sorted by language), with the search a reader's query runs on it: for tests of search rules without a
 * container.
 */
final class IndexInMemory implements AutoCloseable {

    private final Directory directory;
    private final DirectoryReader reader;
    private final SnapshotSearch search;

    private IndexInMemory(Directory directory, DirectoryReader reader, SnapshotSearch search) {
        this.directory = directory;
        this.reader = reader;
        this.search = search;
    }

    static IndexInMemory of(List<LanguageTag> offered, List<List<IndexedText>> groups) throws IOException {
        LanguageAnalyzers analyzers = new LanguageAnalyzers();
        Analyzer analyzer = analyzers.perField(offered);
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setIndexSort(SearchIndex.BY_LANGUAGE))) {
            for (List<IndexedText> group : groups) {
                writer.addDocuments(group.stream().map(SearchIndex::document).toList());
            }
            writer.commit();
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        return new IndexInMemory(directory, reader, new SnapshotSearch(new IndexSearcher(reader), analyzer, analyzers.universal()));
    }

    SnapshotSearch search() {
        return search;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
