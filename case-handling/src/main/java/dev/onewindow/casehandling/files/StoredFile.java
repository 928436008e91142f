package dev.onewindow.casehandling.files;

import java.time.Instant;

/**
 * An uploaded file's metadata. {@code ownerSubject} is the token subject of the uploader: only they can attach it
 * to a case, so nobody can submit someone else's upload by guessing its id.
 */
public record StoredFile(String id, String ownerSubject, String name, String contentType, long size, String sha256,
        Instant uploadedAt) {

    public boolean ownedBy(String subject) {
        return ownerSubject.equals(subject);
    }
}
