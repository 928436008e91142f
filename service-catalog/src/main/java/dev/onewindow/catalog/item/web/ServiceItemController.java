package dev.onewindow.catalog.item.web;

import java.time.Clock;
import java.util.List;

import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.catalog.item.ServiceItem;
import dev.onewindow.catalog.item.ServiceItemRepository;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.domain.DomainException;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

/** Basic catalog items (事项): public reads; only a catalog admin defines or changes one. */
@RestController
@RequestMapping("/api/v1/catalog/service-items")
@Tag(name = "Service items", description = """
        Basic service items (事项): what the law empowers, independent of who implements it where. Entries refer to \
        an item by its basic code and take their item type, default applicant types and topics from it. Public; \
        catalog admins define and change them.""")
class ServiceItemController {

    /** The longest item type name (其他行政权力). */
    private static final int ITEM_TYPE_NAME = 10;

    private final ServiceItemRepository items;
    private final Clock clock;

    ServiceItemController(ServiceItemRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    record DefineItemRequest(
            @NotBlank @Size(max = Codes.BASIC_LENGTH) @Pattern(regexp = Codes.BASIC,
                    message = "item type (XK, QR, JF, JL, CJ, ZS, QT or GG) + 5-digit main item + 3-digit sub-item")
            String basicCode,
            @NotBlank @Size(max = Limits.NAME) String name,
            @MultiLineText @Size(max = Limits.TEXT) String legalBasis,
            @NotEmpty @Size(max = Limits.APPLICANT_TYPES) List<@NotNull ApplicantType> applicantTypes,
            @Size(max = Limits.TOPICS) @ArraySchema(maxItems = Limits.TOPICS, schema = @Schema(maxLength = Limits.TOPIC))
            List<@NotBlank @Size(max = Limits.TOPIC) String> lifeEvents,
            @Size(max = Limits.TOPICS) @ArraySchema(maxItems = Limits.TOPICS, schema = @Schema(maxLength = Limits.TOPIC))
            List<@NotBlank @Size(max = Limits.TOPIC) String> enterpriseTopics) {
    }

    record UpdateItemRequest(
            @NotBlank @Size(max = Limits.NAME) String name,
            @MultiLineText @Size(max = Limits.TEXT) String legalBasis,
            @NotEmpty @Size(max = Limits.APPLICANT_TYPES) List<@NotNull ApplicantType> applicantTypes,
            @Size(max = Limits.TOPICS) @ArraySchema(maxItems = Limits.TOPICS, schema = @Schema(maxLength = Limits.TOPIC))
            List<@NotBlank @Size(max = Limits.TOPIC) String> lifeEvents,
            @Size(max = Limits.TOPICS) @ArraySchema(maxItems = Limits.TOPICS, schema = @Schema(maxLength = Limits.TOPIC))
            List<@NotBlank @Size(max = Limits.TOPIC) String> enterpriseTopics) {
    }

    @Schema(description = "A basic service item; `itemTypeName` is the item type in words (e.g. 行政许可).")
    record ItemResponse(
            @Schema(maxLength = Codes.BASIC_LENGTH, pattern = Codes.BASIC) String basicCode,
            ItemType itemType,
            @Schema(maxLength = ITEM_TYPE_NAME) String itemTypeName,
            @Schema(maxLength = Limits.NAME) String name,
            @Schema(maxLength = Limits.TEXT) String legalBasis,
            @ArraySchema(maxItems = Limits.APPLICANT_TYPES) List<ApplicantType> applicantTypes,
            @ArraySchema(maxItems = Limits.TOPICS, schema = @Schema(maxLength = Limits.TOPIC)) List<String> lifeEvents,
            @ArraySchema(maxItems = Limits.TOPICS, schema = @Schema(maxLength = Limits.TOPIC))
            List<String> enterpriseTopics) {
        static ItemResponse of(ServiceItem item) {
            return new ItemResponse(item.basicCode(), item.itemType(), item.itemType().label(), item.name(),
                    item.legalBasis(), item.applicantTypes(), item.lifeEvents(), item.enterpriseTopics());
        }
    }

    @Operation(summary = "List service items", description = "In basic-code order, optionally of one item type.")
    @GetMapping
    PageResponse<ItemResponse> list(@RequestParam(required = false) ItemType itemType,
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.PAGE_MAX) int page,
            @RequestParam(defaultValue = ApiBounds.PAGE_SIZE_DEFAULT) @Min(1) @Max(ApiBounds.PAGE_SIZE_MAX) int size) {
        PageRequest request = Paging.of(page, size, ApiBounds.PAGE_SIZE_MAX, Sort.by("basicCode"));
        Page<ServiceItem> found = itemType == null ? items.findAll(request) : items.findByItemType(itemType, request);
        return PageResponse.of(found, ItemResponse::of);
    }

    @Operation(summary = "Read a service item")
    @GetMapping("/{basicCode}")
    ItemResponse get(@PathVariable @Parameter(description = "Basic code")
            @Size(max = Codes.BASIC_LENGTH) @Pattern(regexp = Codes.BASIC) String basicCode) {
        return items.findById(basicCode).map(ItemResponse::of)
                .orElseThrow(() -> DomainException.notFound("service item", basicCode));
    }

    @Operation(summary = "Define a service item", description = "409 `ITEM_EXISTS` for a basic code in use.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('catalog-admin')")
    ItemResponse define(@Valid @RequestBody DefineItemRequest request, Caller caller) {
        ServiceItem item = ServiceItem.define(BasicCode.of(request.basicCode()), request.name(), request.legalBasis(),
                request.applicantTypes(), request.lifeEvents(), request.enterpriseTopics(), caller.username(),
                clock.instant());
        try {
            return ItemResponse.of(items.insert(item));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("ITEM_EXISTS", "service item " + request.basicCode() + " already exists");
        }
    }

    @Operation(summary = "Change a service item",
            description = "Published entry versions keep what they took from it; a draft saved afterwards takes "
                    + "the new defaults.")
    @PutMapping("/{basicCode}")
    @PreAuthorize("hasRole('catalog-admin')")
    ItemResponse update(@PathVariable @Parameter(description = "Basic code")
            @Size(max = Codes.BASIC_LENGTH) @Pattern(regexp = Codes.BASIC) String basicCode,
            @Valid @RequestBody UpdateItemRequest request, Caller caller) {
        ServiceItem item = items.findById(basicCode)
                .orElseThrow(() -> DomainException.notFound("service item", basicCode));
        item.update(request.name(), request.legalBasis(), request.applicantTypes(), request.lifeEvents(),
                request.enterpriseTopics(), caller.username(), clock.instant());
        return ItemResponse.of(items.save(item));
    }
}
