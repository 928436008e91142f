package dev.onewindow.elicense.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.onewindow.elicense.seal.GeneratedKeyStore;
import dev.onewindow.elicense.seal.GeneratedSigningKey;

/** Generated keys kept in memory, for unit tests of the key ring without a database. */
public final class InMemoryKeyStore implements GeneratedKeyStore {

    private final Map<String, GeneratedSigningKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<GeneratedSigningKey> find(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    @Override
    public GeneratedSigningKey insertIfAbsent(GeneratedSigningKey key) {
        GeneratedSigningKey previous = keys.putIfAbsent(key.kid(), key);
        return previous != null ? previous : key;
    }

    @Override
    public List<GeneratedSigningKey> all() {
        return new ArrayList<>(keys.values());
    }
}
