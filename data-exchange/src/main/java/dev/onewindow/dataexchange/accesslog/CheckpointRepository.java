package dev.onewindow.dataexchange.accesslog;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CheckpointRepository extends MongoRepository<Checkpoint, String> {

    Optional<Checkpoint> findFirstByOrderBySealedAtDesc();
}
