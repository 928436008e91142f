package dev.onewindow.platform.testkit.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server's memory backend with the index use MongoDB has and the stand-in lacks: secondary (non-unique,
 * multikey) indexes are kept instead of ignored ({@link SecondaryIndex}), and a query uses any index whose fields it
 * constrains by equality — {@code {_id, version}} as Spring Data's optimistic-locking {@code save} sends it, or
 * {@code {applicantRefs: {$in: …}}} with a sort — instead of scanning unless its fields match a unique index
 * exactly ({@link IndexedMemoryCollection}). Results are the same as the plain backend's; only the documents looked
 * at differ, so database-bound benchmarks measure OneWindow's queries rather than the stand-in's scans.
 */
public class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName, getCursorRegistry());
    }

    private static final class IndexedDatabase extends MemoryDatabase {

        IndexedDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex(indexName, keys, sparse);
        }
    }
}
