package dev.onewindow.casehandling.files.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import dev.onewindow.casehandling.files.FileUploads;
import dev.onewindow.casehandling.files.StoredFile;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import dev.onewindow.platform.testkit.web.SliceCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The upload endpoint's role rules, and what the controller hands to the uploads: the part's name, type and bytes. */
@ActiveProfiles("local") // like every test: the production settings require secrets
@WebMvcTest(FileController.class)
class FileControllerTest {

    private static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FileUploads uploads;

    @BeforeEach
    void uploadsStore() {
        given(uploads.upload(anyString(), any(), any(), any(), anyLong(), any())).willReturn(new StoredFile(
                "0b7e8f7a-3c1d-4f5e-8a9b-1c2d3e4f5a6b", "owner", "341302", "licence.pdf", "application/pdf", PDF.length,
                "0".repeat(64), Instant.parse("2026-02-13T01:00:00Z")));
    }

    @TestFactory
    Stream<DynamicTest> onlyApplicantsAndThoseWhoSubmitForThemUpload() {
        return RoleMatrix.using(mvc)
                .endpoint(FileControllerTest::upload)
                .allows("citizen", "enterprise", "window-officer", "partner").answers(201)
                .tests();
    }

    @Test
    void thePartIsHandedOnAsNameTypeSizeAndContentForTheUploader() throws Exception {
        mvc.perform(upload().with(SliceCallers.withRoles("citizen")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileId").value("0b7e8f7a-3c1d-4f5e-8a9b-1c2d3e4f5a6b"))
                .andExpect(jsonPath("$.region").value("341302"));

        ArgumentCaptor<FileUploads.ContentSource> content = ArgumentCaptor.forClass(FileUploads.ContentSource.class);
        // the citizen's token names no region: the uploads give it the city's default
        verify(uploads).upload(eq("subject-citizen"), isNull(), eq("licence.pdf"), eq("application/pdf"),
                eq((long) PDF.length), content.capture());
        assertThat(content.getValue().read()).isEqualTo(PDF);
    }

    @Test
    void aStaffUploadIsHandedOnWithTheTokensRegion() throws Exception {
        mvc.perform(upload().with(SliceCallers.withRoles("window-officer"))).andExpect(status().isCreated());
        verify(uploads).upload(eq("subject-window-officer"), eq(SliceCallers.REGION), eq("licence.pdf"),
                eq("application/pdf"), eq((long) PDF.length), any());
    }

    @Test
    void withoutThePartTheUploadIsRefused() throws Exception {
        mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/cases/files")
                        .file(new MockMultipartFile("other", "x.pdf", "application/pdf", PDF))
                        .with(SliceCallers.withRoles("citizen")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MISSING_FILE"));
    }

    /**
     * A multipart upload as a plain request builder (what {@link RoleMatrix} plays): the part is added to the request,
     * and the servlet multipart resolution reads it from there, as it reads a real request's parts.
     */
    private static MockHttpServletRequestBuilder upload() {
        return RoleMatrix.post("/api/v1/cases/files").contentType(MediaType.MULTIPART_FORM_DATA).with(request -> {
            request.addPart(new MockPart("file", "licence.pdf", PDF, MediaType.APPLICATION_PDF));
            return request;
        });
    }
}
