package dev.onewindow.platform.testkit.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (and multikey) index on the first field of a secondary index, which mongo-java-server would otherwise
 * accept and ignore (every query on it then scans the collection). It answers equality, {@code $in}, {@code $all}
 * and {@code $exists: true} on that field with candidate positions, and ranges ({@code $lt}, {@code $lte},
 * {@code $gt}, {@code $gte}, alone or combined) from the values kept sorted in the stand-in's own order
 * ({@link ValueComparator}); the collection still applies the whole query to each candidate, so the index only
 * decides which documents are looked at, never which ones match. A range's candidates are therefore a superset:
 * values of other types on the near side of a bound, and values that cannot be ordered (documents, nulls …), are
 * looked at too. Later fields of a compound index are not used for look-up (MongoDB would narrow further; here the
 * query filter does).
 */
final class SecondaryIndex extends Index<Integer> {

    /** Stands for an empty array, which exists but has no element to index. */
    private static final Object EMPTY_ARRAY = new Object();
    private static final String ID = "_id";

    private final String field;
    private final Map<Object, Set<Integer>> positionsByValue = new HashMap<>();
    private final Map<Integer, Set<Object>> valuesByPosition = new HashMap<>();
    private final Map<Object, Integer> positionById = new HashMap<>();
    /** Plain values in the stand-in's order (numbers of any width as one), for ranges. */
    private final NavigableMap<Object, Set<Integer>> positionsBySortedValue = new TreeMap<>(ValueComparator.asc());
    /** Documents holding a value the sorted map does not keep: every range looks at them. */
    private final Set<Integer> unsortedPositions = new HashSet<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    String field() {
        return field;
    }

    @Override
    public Integer getPosition(Document document) {
        return null; // not unique: a position is never identified by this index alone
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // no constraint to check
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        // every document is tracked, even one without the field: the collection asks each index for the position
        // of a document it removes, and accepts "none" from sparse indexes only
        positionById.put(key(document.get(ID)), position);
        Set<Object> values = valuesOf(document);
        if (values.isEmpty()) {
            return;
        }
        valuesByPosition.put(position, values);
        for (Object value : values) {
            positionsByValue.computeIfAbsent(value, v -> new HashSet<>()).add(position);
            Object sortable = sortable(value);
            if (sortable == null) {
                unsortedPositions.add(position);
            } else {
                positionsBySortedValue.computeIfAbsent(sortable, v -> new HashSet<>()).add(position);
            }
        }
    }

    @Override
    public synchronized Integer remove(Document document) {
        Integer position = positionById.remove(key(document.get(ID)));
        if (position != null) {
            forgetValues(position);
        }
        return position;
    }

    private void forgetValues(Integer position) {
        Set<Object> values = valuesByPosition.remove(position);
        if (values == null) {
            return;
        }
        unsortedPositions.remove(position);
        for (Object value : values) {
            forget(positionsByValue, value, position);
            Object sortable = sortable(value);
            if (sortable != null) {
                forget(positionsBySortedValue, sortable, position);
            }
        }
    }

    private static void forget(Map<Object, Set<Integer>> map, Object value, Integer position) {
        Set<Integer> positions = map.get(value);
        if (positions != null) {
            positions.remove(position);
            if (positions.isEmpty()) {
                map.remove(value);
            }
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return query.size() == 1 && query.containsKey(field) && (lookupValues(query.get(field)) != null
                || allValues(query.get(field)) != null || Range.of(query.get(field)) != null);
    }

    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
        return sorted(candidates(query));
    }

    /** The positions of the documents a query on this index looks at, unordered (the planner compares counts). */
    synchronized Set<Integer> candidates(Document query) {
        Object condition = query.get(field);
        if (isExistsTrue(condition)) {
            return Set.copyOf(valuesByPosition.keySet());
        }
        if (lookupValues(condition) != null || allValues(condition) != null) {
            return lookUp(condition);
        }
        return range(Range.of(condition));
    }

    /**
     * The documents holding a value within the range (a sorted-map view: only those are visited), plus those holding
     * a value the map does not order. The stand-in matches a range on an array element by element (one element must
     * meet every bound), so an array's elements are looked up like single values.
     */
    private Set<Integer> range(Range range) {
        Set<Integer> positions = new HashSet<>(unsortedPositions);
        for (Set<Integer> holding : range.within(positionsBySortedValue).values()) {
            positions.addAll(holding);
        }
        return positions;
    }

    /** Equality and {@code $in}: every document holding one of the values; {@code $all}: holding each of them. */
    private Set<Integer> lookUp(Object condition) {
        List<Object> all = allValues(condition);
        if (all != null) {
            Set<Integer> positions = null;
            for (Object value : all) {
                Set<Integer> holding = positionsByValue.getOrDefault(value, Set.of());
                if (positions == null) {
                    positions = new HashSet<>(holding);
                } else {
                    positions.retainAll(holding);
                }
            }
            return positions;
        }
        Set<Integer> positions = new HashSet<>();
        for (Object value : lookupValues(condition)) {
            positions.addAll(positionsByValue.getOrDefault(value, Set.of()));
        }
        return positions;
    }

    @Override
    public synchronized long getCount() {
        return valuesByPosition.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // no constraint to check
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
            MongoCollection<Integer> collection) {
        forgetValues(position);
        add(newDocument, position, collection); // _id cannot change, so its entry stays the same
    }

    @Override
    public synchronized void drop() {
        positionsBySortedValue.clear();
        unsortedPositions.clear();
        positionsByValue.clear();
        valuesByPosition.clear();
        positionById.clear();
    }

    /** The normalised values a document holds in the field: one per array element; none when it is missing. */
    private Set<Object> valuesOf(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        if (value instanceof Missing) {
            return Set.of();
        }
        Set<Object> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> elements) {
            if (elements.isEmpty()) {
                values.add(EMPTY_ARRAY);
            }
            for (Object element : elements) {
                if (!(element instanceof Missing)) {
                    values.add(key(element));
                }
            }
            if (values.isEmpty()) {
                return Set.of();
            }
        } else {
            values.add(key(value));
        }
        return values;
    }

    /** Values to look up for a condition, or null when this index cannot answer it (ranges, regexes, nulls …). */
    private static List<Object> lookupValues(Object condition) {
        if (isExistsTrue(condition)) {
            return List.of();
        }
        if (condition instanceof Document operators) {
            if (operators.size() == 1 && operators.get("$eq") != null) {
                return lookupValues(operators.get("$eq"));
            }
            if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> in) {
                return keysOfScalars(in);
            }
            return null;
        }
        return isScalar(condition) ? List.of(key(condition)) : null;
    }

    /** The values of a non-empty {@code $all} of plain values (a multikey field holding every one), else null. */
    private static List<Object> allValues(Object condition) {
        if (condition instanceof Document operators && operators.size() == 1
                && operators.get("$all") instanceof Collection<?> all && !all.isEmpty()) {
            return keysOfScalars(all);
        }
        return null;
    }

    /** The index keys of a list of plain values, or null when one of them is not plain (a regex, a document …). */
    private static List<Object> keysOfScalars(Collection<?> values) {
        List<Object> keys = new ArrayList<>();
        for (Object value : values) {
            if (!isScalar(value)) {
                return null;
            }
            keys.add(key(value));
        }
        return keys;
    }

    private static boolean isExistsTrue(Object condition) {
        return condition instanceof Document operators && operators.size() == 1
                && Boolean.TRUE.equals(operators.get("$exists"));
    }

    /** Values whose equality is plain value equality after normalisation (numbers of any width compare equal). */
    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof java.time.Instant
                || value instanceof java.util.UUID || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
    }

    /** The plain value behind a normalised key, for the sorted map; null for what it does not order. */
    private static Object sortable(Object key) {
        if (key instanceof KeyValue normalized && normalized.size() == 1 && isScalar(normalized.get(0))) {
            return normalized.get(0);
        }
        return null;
    }

    /**
     * The bounds of a range condition ({@code $gt}/{@code $gte}, {@code $lt}/{@code $lte} of plain values; other
     * operators beside them only narrow further and are left to the query filter).
     */
    private record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

        static Range of(Object condition) {
            if (!(condition instanceof Document operators)) {
                return null;
            }
            Object lower = null;
            Object upper = null;
            boolean lowerInclusive = false;
            boolean upperInclusive = false;
            for (String operator : List.of("$gt", "$gte", "$lt", "$lte")) {
                Object bound = operators.get(operator);
                if (bound == null) {
                    continue;
                }
                if (!isScalar(bound)) {
                    return null;
                }
                Object value = sortable(key(bound));
                if (operator.startsWith("$g")) {
                    lower = value;
                    lowerInclusive = operator.equals("$gte");
                } else {
                    upper = value;
                    upperInclusive = operator.equals("$lte");
                }
            }
            return lower == null && upper == null ? null : new Range(lower, lowerInclusive, upper, upperInclusive);
        }

        NavigableMap<Object, Set<Integer>> within(NavigableMap<Object, Set<Integer>> sorted) {
            NavigableMap<Object, Set<Integer>> view = sorted;
            if (lower != null && upper != null && ValueComparator.asc().compare(lower, upper) > 0) {
                return new TreeMap<>(); // nothing lies between (subMap would refuse)
            }
            if (lower != null) {
                view = view.tailMap(lower, lowerInclusive);
            }
            if (upper != null) {
                view = view.headMap(upper, upperInclusive);
            }
            return view;
        }
    }

    private static Object key(Object value) {
        return new KeyValue(value).normalized();
    }

    static List<Integer> sorted(Collection<Integer> positions) {
        List<Integer> list = new ArrayList<>(positions);
        list.sort(null); // the collection's natural (insertion) order, as a scan would return them
        return list;
    }
}
