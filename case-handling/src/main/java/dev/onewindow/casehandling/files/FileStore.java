package dev.onewindow.casehandling.files;

import java.time.Instant;
import java.util.Optional;

/**
 * Where uploaded materials (申请材料 copies) are kept. Small on purpose: cases only need to store a file once,
 * refer to it by id, and check who uploaded it. The MongoDB implementation keeps files in the service's own
 * database; an object store would implement the same interface.
 */
public interface FileStore {

    StoredFile store(String ownerSubject, String region, String name, String contentType, byte[] content,
            Instant now);

    /** Metadata only (the content is not loaded). */
    Optional<StoredFile> find(String fileId);

    Optional<byte[]> content(String fileId);
}
