package dev.onewindow.dataexchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an exchange query reads on every call (its grant, the resource) kept in memory for a short while, so the hot
 * path does not read them from the database each time. Evicted at once by a change in this instance; a change made
 * by another replica is seen within {@code ttl}. Bounded: it forgets everything when it grows past {@code maxSize}.
 */
public final class ShortLived<K, V> {

    private record Entry<V>(V value, Instant until) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock = Clock.systemUTC();

    public ShortLived(Duration ttl, int maxSize) {
        this.ttl = ttl;
        this.maxSize = maxSize;
    }

    /** The value of {@code key}, loaded when absent or older than the ttl; an empty load is not kept. */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        if (ttl.isZero()) {
            return load.apply(key);
        }
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return Optional.of(entry.value());
        }
        Optional<V> loaded = load.apply(key);
        if (loaded.isPresent()) {
            if (entries.size() >= maxSize) {
                entries.clear();
            }
            entries.put(key, new Entry<>(loaded.get(), now.plus(ttl)));
        } else {
            entries.remove(key);
        }
        return loaded;
    }

    public void evict(K key) {
        entries.remove(key);
    }
}
