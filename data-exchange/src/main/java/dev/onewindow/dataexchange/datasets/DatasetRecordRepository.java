package dev.onewindow.dataexchange.datasets;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface DatasetRecordRepository extends MongoRepository<DatasetRecord, String> {

    Optional<DatasetRecord> findByResourceCodeAndKeyHash(String resourceCode, String keyHash);

    long countByResourceCode(String resourceCode);
}
