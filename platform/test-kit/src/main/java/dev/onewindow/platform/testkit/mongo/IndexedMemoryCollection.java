package dev.onewindow.platform.testkit.mongo;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A memory collection whose queries use an index for the part of the filter it covers — equalities on a unique
 * index's fields; equality, {@code $in}, {@code $all}, {@code $exists} or a range on a secondary index's first field
 * — then apply the whole filter (and sort, skip, limit, projection) to the candidates: the plan MongoDB would choose.
 * The plain collection uses an index only when the filter's fields are exactly a unique index's fields, and scans
 * otherwise.
 */
final class IndexedMemoryCollection extends MemoryCollection {

    IndexedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document projection) {
        Document conditions = fieldConditions(query);
        Iterable<Integer> candidates = null;
        int fewest = Integer.MAX_VALUE;
        for (Index<Integer> index : getIndexes()) {
            Document part = coveredPart(index, conditions);
            if (part == null || !index.canHandle(part)) {
                continue;
            }
            if (index.isUnique()) { // at most one document per looked-up value: nothing narrower exists
                candidates = index.getPositions(part);
                break;
            }
            Set<Integer> found = ((SecondaryIndex) index).candidates(part);
            if (found.size() < fewest) {
                candidates = SecondaryIndex.sorted(found);
                fewest = found.size();
            }
        }
        if (candidates == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
        }
        return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, projection);
    }

    /** The filter's top-level field conditions, including those of a top-level {@code $and}. */
    private static Document fieldConditions(Document query) {
        Document fields = new Document();
        for (String key : query.keySet()) {
            if (!key.startsWith("$")) {
                fields.put(key, query.get(key));
            }
        }
        if (query.get("$and") instanceof Collection<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document condition) {
                    for (String key : condition.keySet()) {
                        if (!key.startsWith("$")) {
                            fields.putIfAbsent(key, condition.get(key)); // both hold anyway; one is enough to look up
                        }
                    }
                }
            }
        }
        return fields;
    }

    /** The conditions an index can look up: all its fields for a unique index, the first for a secondary one. */
    private static Document coveredPart(Index<Integer> index, Document fields) {
        List<IndexKey> keys = index.getKeys();
        List<IndexKey> used = index instanceof SecondaryIndex ? keys.subList(0, 1) : keys;
        Document part = new Document();
        for (IndexKey key : used) {
            if (fields.get(key.getKey()) == null) { // absent, or null (also matching a missing field): scan
                return null;
            }
            part.put(key.getKey(), fields.get(key.getKey()));
        }
        return part;
    }
}
