package dev.onewindow.dataexchange.resources.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.resources.AccessMode;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.FieldType;
import dev.onewindow.dataexchange.resources.ResourceField;
import dev.onewindow.dataexchange.resources.ResourceService;
import dev.onewindow.dataexchange.resources.ShareType;
import dev.onewindow.dataexchange.resources.UpdateFrequency;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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

import static dev.onewindow.dataexchange.Limits.ADAPTER;
import static dev.onewindow.dataexchange.Limits.DEPARTMENT;
import static dev.onewindow.dataexchange.Limits.FIELD;
import static dev.onewindow.dataexchange.Limits.FIELDS;
import static dev.onewindow.dataexchange.Limits.MAX_PAGE;
import static dev.onewindow.dataexchange.Limits.NAME;
import static dev.onewindow.dataexchange.Limits.PAGE_SIZE;
import static dev.onewindow.dataexchange.Limits.RESOURCE_CODE;
import static dev.onewindow.dataexchange.Limits.RESOURCE_CODE_LENGTH;
import static dev.onewindow.dataexchange.Limits.TEXT;

/** The resource catalog (数据资源目录): read by staff and auditors, maintained by the provider's data stewards. */
@RestController
@RequestMapping("/api/v1/exchange/resources")
@Tag(name = "Resources", description = "数据资源目录: what each department holds, its fields' classification and "
        + "personal flags, its share type with the legal basis, and how it is reached.")
class ResourceController {

    /** Every member of staff, consumer systems and auditors read the catalog; nobody anonymously. */
    static final String READERS = "hasAnyRole('window-officer', 'reviewer', 'approver', 'dept-admin', "
            + "'catalog-admin', 'hotline-agent', 'hotline-dispatcher', 'dept-handler', 'supervisor', 'eval-admin', "
            + "'data-steward', 'data-consumer', 'auditor')";

    private final ResourceService resources;
    private final DataExchangeProperties properties;

    ResourceController(ResourceService resources, DataExchangeProperties properties) {
        this.resources = resources;
        this.properties = properties;
    }

    @Operation(summary = "List the catalog", description = "Every resource, or one providing department's, by code.")
    @GetMapping
    @PreAuthorize(READERS)
    ResourcePage list(
            @Parameter(description = "Only this providing department's resources", schema = @Schema(maxLength = 16,
                    pattern = DEPARTMENT))
            @RequestParam(required = false) @Size(max = 16) @Pattern(regexp = DEPARTMENT) String provider,
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Resources per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        Page<DataResource> found = resources.list(provider, Paging.of(page, size, properties.maxPageSize()));
        return new ResourcePage(found.getContent().stream().map(ResourceController::response).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read a resource")
    @GetMapping("/{code}")
    @PreAuthorize(READERS)
    ResourceResponse get(@PathVariable @Size(max = RESOURCE_CODE_LENGTH) @Pattern(regexp = RESOURCE_CODE) String code) {
        return response(resources.get(code));
    }

    @Operation(summary = "Register a resource", description = "By a data steward of the providing department; the "
            + "code starts with the department's code. Announced as resource.registered.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('data-steward')")
    ResourceResponse register(@Valid @RequestBody RegisterResourceRequest request, Caller caller) {
        return response(resources.register(request.code(), request.definition().toDomain(), caller));
    }

    @Operation(summary = "Change a resource", description = "By a data steward of the providing department, naming "
            + "the version read: a resource changed since is 409 CONCURRENT_UPDATE. The access mode is fixed.")
    @PutMapping("/{code}")
    @PreAuthorize("hasRole('data-steward')")
    ResourceResponse update(@PathVariable @Size(max = RESOURCE_CODE_LENGTH) @Pattern(regexp = RESOURCE_CODE) String code,
            @Valid @RequestBody UpdateResourceRequest request, Caller caller) {
        return response(resources.update(code, request.version(), request.definition().toDomain(), caller));
    }

    static ResourceResponse response(DataResource r) {
        return new ResourceResponse(r.code(), r.name(), r.description(), r.providerDepartment(), r.regionCode(),
                r.fields().stream().map(f -> new FieldBody(f.name(), f.label(), f.type(), f.level(), f.personal()))
                        .toList(), r.keyField(), r.shareType(), r.legalBasis(), r.updateFrequency(), r.accessMode(),
                r.adapter(), r.registeredAt(), r.updatedAt(), r.version() == null ? 0 : r.version());
    }

    @Schema(description = "A field of a resource")
    record FieldBody(
            @NotBlank @Size(max = 32) @Pattern(regexp = FIELD) @Schema(maxLength = 32, pattern = FIELD) String name,
            @NotBlank @Size(max = NAME) @Schema(maxLength = NAME) String label,
            @NotNull FieldType type,
            @NotNull @Min(1) @Max(4) @Schema(minimum = "1", maximum = "4",
                    description = "classification level: 1 public … 4 most sensitive") Integer level,
            @NotNull @Schema(description = "personal information (个人信息): masked unless a grant names it") Boolean personal) {

        ResourceField toDomain() {
            return new ResourceField(name, label, type, level, personal);
        }
    }

    @Schema(description = "What a data steward states about a resource")
    record DefinitionBody(
            @NotBlank @Size(max = NAME) @Schema(maxLength = NAME) String name,
            @Size(max = TEXT) @MultiLineText @Schema(maxLength = TEXT) String description,
            @NotEmpty @Size(max = FIELDS) @ArraySchema(maxItems = FIELDS) List<@Valid @NotNull FieldBody> fields,
            @NotBlank @Size(max = 32) @Pattern(regexp = FIELD) @Schema(maxLength = 32, pattern = FIELD,
                    description = "the field a query names a record by") String keyField,
            @NotNull ShareType shareType,
            @Size(max = TEXT) @Schema(maxLength = TEXT,
                    description = "the law or rule: required for conditional and not-shared resources") String legalBasis,
            @NotNull UpdateFrequency updateFrequency,
            @NotNull AccessMode accessMode,
            @Size(max = 32) @Pattern(regexp = ADAPTER) @Schema(maxLength = 32, pattern = ADAPTER,
                    description = "API resources: the registered provider adapter") String adapter) {

        DataResource.Definition toDomain() {
            return new DataResource.Definition(name, description, fields.stream().map(FieldBody::toDomain).toList(),
                    keyField, shareType, legalBasis, updateFrequency, accessMode, adapter);
        }
    }

    @Schema(description = "A resource to register")
    record RegisterResourceRequest(
            @NotBlank @Size(max = RESOURCE_CODE_LENGTH) @Pattern(regexp = RESOURCE_CODE)
            @Schema(maxLength = RESOURCE_CODE_LENGTH, pattern = RESOURCE_CODE) String code,
            @NotNull @Valid DefinitionBody definition) {
    }

    @Schema(description = "A resource's new definition, with the version it replaces")
    record UpdateResourceRequest(
            @NotNull @Min(0) @Schema(minimum = "0", maximum = "1000000000") Long version,
            @NotNull @Valid DefinitionBody definition) {
    }

    @Schema(description = "A resource of the catalog")
    record ResourceResponse(
            @Schema(maxLength = RESOURCE_CODE_LENGTH) String code,
            @Schema(maxLength = NAME) String name,
            @Schema(maxLength = TEXT) String description,
            @Schema(maxLength = 16) String providerDepartment,
            @Schema(maxLength = 6) String region,
            @ArraySchema(maxItems = FIELDS) List<FieldBody> fields,
            @Schema(maxLength = 32) String keyField,
            ShareType shareType,
            @Schema(maxLength = TEXT) String legalBasis,
            UpdateFrequency updateFrequency,
            AccessMode accessMode,
            @Schema(maxLength = 32) String adapter,
            @Schema(maxLength = 35) Instant registeredAt,
            @Schema(maxLength = 35) Instant updatedAt,
            @Schema(minimum = "0", maximum = "1000000000") long version) {
    }

    @Schema(description = "A page of the catalog")
    record ResourcePage(
            @ArraySchema(maxItems = PAGE_SIZE) List<ResourceResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }
}
