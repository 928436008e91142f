package dev.onewindow.casehandling.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Files in the {@code case_files} collection of the service's own database, one document per file (uploads are
 * limited to well under MongoDB's 16 MB document size; see {@code onewindow.casehandling.files.max-size}).
 */
@Component
class MongoFileStore implements FileStore {

    private final MongoTemplate mongo;

    MongoFileStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public StoredFile store(String ownerSubject, String region, String name, String contentType, byte[] content,
            Instant now) {
        FileDocument file = new FileDocument(UUID.randomUUID().toString(), ownerSubject, region, name, contentType,
                content.length, sha256(content), now, content);
        mongo.insert(file);
        return file.metadata();
    }

    @Override
    public Optional<StoredFile> find(String fileId) {
        Query byId = Query.query(Criteria.where("_id").is(fileId));
        byId.fields().exclude("content");
        return Optional.ofNullable(mongo.findOne(byId, FileDocument.class)).map(FileDocument::metadata);
    }

    @Override
    public Optional<byte[]> content(String fileId) {
        return Optional.ofNullable(mongo.findById(fileId, FileDocument.class)).map(FileDocument::content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indexed by region and time, the shard key and the regional queries of every record (GB/T 2260). */
    @Document("case_files")
    @CompoundIndex(name = "region_uploaded", def = "{'region': 1, 'uploadedAt': 1}")
    record FileDocument(@Id String id, String ownerSubject, String region, String name, String contentType, long size,
            String sha256, Instant uploadedAt, byte[] content) {

        StoredFile metadata() {
            return new StoredFile(id, ownerSubject, region, name, contentType, size, sha256, uploadedAt);
        }
    }
}
