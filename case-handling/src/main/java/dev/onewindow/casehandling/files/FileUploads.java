package dev.onewindow.casehandling.files;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.text.TextPolicy;
import org.springframework.stereotype.Service;

/** Applies the upload limits (size, type, real content) before anything is stored. */
@Service
public class FileUploads {

    /** The longest file name a client may send (with its path, which is cut off; the stored name is shorter). */
    static final int MAX_ORIGINAL_NAME = 255;

    /** A region code (GB/T 2260): six digits. */
    private static final Pattern REGION = Pattern.compile("[0-9]{6}");

    private final FileStore store;
    private final CaseHandlingProperties.Files limits;
    private final String defaultRegion;
    private final Clock clock;

    FileUploads(FileStore store, CaseHandlingProperties properties, Clock clock) {
        this.store = store;
        this.limits = properties.files();
        this.defaultRegion = properties.defaultRegion();
        this.clock = clock;
    }

    /**
     * Stores an upload of {@code ownerSubject}, in the region their token names ({@code uploaderRegion}: staff always
     * have one, an applicant's token may): the case it will be attached to is not known yet, so a token without a
     * region code gives the city's default ({@code onewindow.casehandling.default-region}).
     */
    public StoredFile upload(String ownerSubject, String uploaderRegion, String originalName, String declaredType,
            long size, ContentSource content) {
        // a name is shown to officers and stored with the case: no control characters, no bidirectional controls
        // (abc\u202Efdp.exe would display as "abcexe.pdf"), valid Unicode — refused, not silently repaired
        TextPolicy.require(originalName, "file", TextPolicy.Lines.SINGLE, MAX_ORIGINAL_NAME);
        if (size > limits.maxSize().toBytes()) {
            throw DomainException.tooLarge("PAYLOAD_TOO_LARGE",
                    "the file is larger than " + limits.maxSize().toMegabytes() + " MB")
                    .with("maxBytes", limits.maxSize().toBytes());
        }
        String type = normalise(declaredType);
        if (!limits.allowedTypes().contains(type)) {
            throw DomainException.unsupportedContent("UNSUPPORTED_MEDIA_TYPE",
                    "files of type " + type + " are not accepted; upload " + String.join(", ", limits.allowedTypes()))
                    .with("allowedTypes", limits.allowedTypes());
        }
        byte[] bytes = content.read();
        if (bytes.length == 0) {
            throw DomainException.invalid("EMPTY_FILE", "the file is empty");
        }
        if (!ContentSniffer.matches(type, bytes)) {
            throw DomainException.unsupportedContent("CONTENT_TYPE_MISMATCH",
                    "the file's content is not " + type);
        }
        String region = uploaderRegion != null && REGION.matcher(uploaderRegion).matches() ? uploaderRegion
                : defaultRegion;
        return store.store(ownerSubject, region, safeName(originalName), type, bytes, clock.instant());
    }

    private static String normalise(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Only the last path segment, at most {@link StoredFile#MAX_NAME} characters (control characters are refused
     * before, by the text policy; removing them here too keeps the rule where the name is made).
     */
    static String safeName(String original) {
        if (original == null || original.isBlank()) {
            return "upload";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").trim();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() > StoredFile.MAX_NAME ? name.substring(0, StoredFile.MAX_NAME) : name;
    }

    /** The upload's bytes, read only once the cheap checks have passed. */
    @FunctionalInterface
    public interface ContentSource {
        byte[] read();
    }
}
