package dev.onewindow.elicense.seal;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoGeneratedKeyStore implements GeneratedKeyStore {

    private final MongoTemplate mongo;

    MongoGeneratedKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<GeneratedSigningKey> find(String kid) {
        return Optional.ofNullable(mongo.findById(kid, GeneratedSigningKey.class));
    }

    @Override
    public GeneratedSigningKey insertIfAbsent(GeneratedSigningKey key) {
        try {
            return mongo.insert(key);
        } catch (DuplicateKeyException anotherInstanceWon) {
            return mongo.findById(key.kid(), GeneratedSigningKey.class);
        }
    }

    /** A handful of keys per department at most; sorted by department (index on it) for a stable order. */
    @Override
    public List<GeneratedSigningKey> all() {
        return mongo.find(new Query().with(Sort.by("department")), GeneratedSigningKey.class);
    }
}
