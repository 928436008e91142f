package dev.onewindow.casehandling.files.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import dev.onewindow.casehandling.files.FileUploads;
import dev.onewindow.casehandling.files.StoredFile;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads of material copies; the returned {@code fileId} is then named in a submission's materials. */
@RestController
@RequestMapping("/api/v1/cases/files")
@Tag(name = "case-files", description = "Copies of application materials (申请材料), uploaded before they are named "
        + "in a submission or a supplement.")
class FileController {

    /** The shipped upload limit ({@code onewindow.casehandling.files.max-size}). */
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private final FileUploads uploads;

    FileController(FileUploads uploads) {
        this.uploads = uploads;
    }

    @Schema(description = "A stored upload; name its fileId in a submission's or a supplement's materials.")
    record FileResponse(
            @Schema(maxLength = 36, pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
            String fileId,
            @Schema(description = "The file name, without any path", maxLength = StoredFile.MAX_NAME) String name,
            @Schema(description = "The checked content type", maxLength = StoredFile.MAX_CONTENT_TYPE,
                    pattern = "^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$") String contentType,
            @Schema(minimum = "1", maximum = "" + StoredFile.MAX_BYTES) long size,
            @Schema(description = "SHA-256 of the content, hex", maxLength = 64, pattern = "^[0-9a-f]{64}$")
            String sha256,
            @Schema(maxLength = 35) Instant uploadedAt,
            @Schema(description = "The region (GB/T 2260) of the uploader: their token's, else the city's",
                    maxLength = 6, pattern = "^[0-9]{6}$") String region) {

        static FileResponse of(StoredFile file) {
            return new FileResponse(file.id(), file.name(), file.contentType(), file.size(), file.sha256(),
                    file.uploadedAt(), file.region());
        }
    }

    @Operation(summary = "Upload a material copy", description = """
            One file as the multipart part `file`: PDF, JPEG, PNG or OFD of at most 10 MB (larger: 413; another \
            type, or content that is not what the type says: 415). Only the uploader can name it in an \
            application.""")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise', 'window-officer', 'partner')")
    FileResponse upload(@Parameter(description = "The file", schema = @Schema(type = "string", format = "binary",
            maxLength = MAX_UPLOAD_BYTES)) @RequestPart(name = "file", required = false) MultipartFile file,
            Caller caller) {
        if (file == null) {
            throw DomainException.invalid("MISSING_FILE", "send the file as the multipart part 'file'");
        }
        return FileResponse.of(uploads.upload(caller.subject(), caller.region(), file.getOriginalFilename(),
                file.getContentType(), file.getSize(), () -> {
                    try {
                        return file.getBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }
}
