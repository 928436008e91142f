package dev.onewindow.hotline.knowledge.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.onewindow.hotline.Limits;
import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.hotline.knowledge.KnowledgeBase;
import dev.onewindow.hotline.knowledge.KnowledgeEntry;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge base (知识库): searched by agents, maintained by the departments that own the answers. */
@RestController
@RequestMapping("/api/v1/hotline/knowledge")
@Tag(name = "Knowledge base", description = "Questions and authoritative answers (知识库, GB/T 44191-2024) agents "
        + "answer consultations from, each owned by a department and valid for a period.")
class KnowledgeController {

    private static final String STAFF = "hasAnyRole('hotline-agent', 'hotline-dispatcher', 'dept-handler', "
            + "'dept-admin', 'supervisor', 'auditor')";

    private final KnowledgeBase knowledge;
    private final HotlineProperties properties;

    KnowledgeController(KnowledgeBase knowledge, HotlineProperties properties) {
        this.knowledge = knowledge;
        this.properties = properties;
    }

    @Operation(summary = "Search the knowledge base", description = "Entries valid today whose question or answer "
            + "contains `q` (a Chinese substring), optionally of a category and the categories below it.")
    @GetMapping
    @PreAuthorize(STAFF)
    EntryPage search(@RequestParam(required = false) @Size(max = 50) String q,
            @RequestParam(required = false) @Size(max = 32) @Pattern(regexp = Limits.CATEGORY) String category,
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + Limits.MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Entries per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + Limits.PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        Page<KnowledgeBase.Found> found = knowledge.search(q, category,
                Paging.of(page, size, properties.maxPageSize()));
        return new EntryPage(found.getContent().stream().map(EntryResponse::of).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read a knowledge-base entry")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    EntryResponse get(@PathVariable @Size(max = 43) @Pattern(regexp = Limits.KNOWLEDGE_ID) String id) {
        return EntryResponse.of(knowledge.get(id));
    }

    @Operation(summary = "Add an entry", description = "For the caller's department.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin')")
    EntryResponse create(@Valid @RequestBody EntryRequest request, Caller caller) {
        return EntryResponse.of(knowledge.create(request.toContent(), caller));
    }

    @Operation(summary = "Change an entry", description = "By its department; `version` is the one read (409 if the "
            + "entry changed since). Set `validTo` to retire an entry.")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin')")
    EntryResponse update(@PathVariable @Size(max = 43) @Pattern(regexp = Limits.KNOWLEDGE_ID) String id,
            @Valid @RequestBody EntryRequest request, Caller caller) {
        return EntryResponse.of(knowledge.update(id, request.version() == null ? -1 : request.version(),
                request.toContent(), caller));
    }

    record EntryRequest(@NotBlank @Size(max = 200) String question,
            @NotBlank @Size(max = 4000) @MultiLineText String answer,
            @NotBlank @Size(max = 32) @Pattern(regexp = Limits.CATEGORY) String categoryCode,
            @Schema(maxLength = 10) LocalDate validFrom, @Schema(maxLength = 10) LocalDate validTo,
            @Schema(description = "The version read, when changing an entry", minimum = "0", maximum = "9223372036854775807") @Min(0) Long version) {

        KnowledgeEntry.Content toContent() {
            return new KnowledgeEntry.Content(question, answer, categoryCode, validFrom, validTo);
        }
    }

    record EntryResponse(@Schema(maxLength = 43) String id, @Schema(minimum = "0", maximum = "9223372036854775807") long version,
            @Schema(maxLength = 200) String question, @Schema(maxLength = 4000) String answer,
            @Schema(maxLength = 32) String categoryCode, @Schema(maxLength = 16) String department,
            @Schema(maxLength = 10) LocalDate validFrom, @Schema(maxLength = 10) LocalDate validTo, @Schema(minimum = "0", maximum = "9223372036854775807") long usageCount,
            @Schema(maxLength = 35) Instant updatedAt) {

        static EntryResponse of(KnowledgeBase.Found found) {
            KnowledgeEntry e = found.entry();
            return new EntryResponse(e.id(), e.version() == null ? 0 : e.version(), e.question(), e.answer(),
                    e.categoryCode(), e.department(), e.validFrom(), e.validTo(), found.usage(), e.updatedAt());
        }
    }

    record EntryPage(@ArraySchema(maxItems = Limits.PAGE_SIZE) List<EntryResponse> content,
            @Schema(minimum = "0", maximum = "" + Limits.MAX_PAGE) int page, @Schema(minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long totalElements) {
    }

}
