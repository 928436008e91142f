package dev.onewindow.casehandling.files.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import dev.onewindow.casehandling.files.FileUploads;
import dev.onewindow.casehandling.files.StoredFile;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
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
class FileController {

    private final FileUploads uploads;

    FileController(FileUploads uploads) {
        this.uploads = uploads;
    }

    record FileResponse(String fileId, String name, String contentType, long size, String sha256, Instant uploadedAt) {
        static FileResponse of(StoredFile file) {
            return new FileResponse(file.id(), file.name(), file.contentType(), file.size(), file.sha256(),
                    file.uploadedAt());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise', 'window-officer', 'partner')")
    FileResponse upload(@RequestPart(name = "file", required = false) MultipartFile file, Caller caller) {
        if (file == null) {
            throw ApiException.badRequest("MISSING_FILE", "send the file as the multipart part 'file'");
        }
        return FileResponse.of(uploads.upload(caller.subject(), file.getOriginalFilename(), file.getContentType(),
                file.getSize(), () -> {
                    try {
                        return file.getBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }
}
