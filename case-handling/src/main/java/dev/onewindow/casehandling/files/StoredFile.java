package dev.onewindow.casehandling.files;

import java.time.Instant;

/**
 * An uploaded file's metadata. {@code ownerSubject} is the token subject of the uploader: only they can attach it
 * to a case, so nobody can submit someone else's upload by guessing its id. {@code region} (GB/T 2260) is the
 * uploader's, as on every record: their token's {@code region}, else the city's default.
 */
public record StoredFile(String id, String ownerSubject, String region, String name, String contentType, long size,
        String sha256, Instant uploadedAt) {

    /** Names are cut to their last path segment of at most 200 characters ({@link FileUploads}). */
    public static final int MAX_NAME = 200;
    /** A media type names a type and a subtype of at most 127 characters each (RFC 6838). */
    public static final int MAX_CONTENT_TYPE = 255;
    /** A file is stored as one MongoDB document, so it is never larger than 16 MB (uploads are limited below it). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    public boolean ownedBy(String subject) {
        return ownerSubject.equals(subject);
    }
}
