package dev.onewindow.elicense.seal;

import java.util.List;
import java.util.Optional;

/** Where generated (local profile only) seal keys are kept; MongoDB in the service. */
public interface GeneratedKeyStore {

    Optional<GeneratedSigningKey> find(String kid);

    /** Stores {@code key} unless a key with its id exists; returns whichever is stored (first writer wins). */
    GeneratedSigningKey insertIfAbsent(GeneratedSigningKey key);

    List<GeneratedSigningKey> all();
}
