package dev.onewindow.catalog.item.web;

import java.time.Clock;
import java.util.List;

import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.catalog.item.ServiceItem;
import dev.onewindow.catalog.item.ServiceItemRepository;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
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
class ServiceItemController {

    private final ServiceItemRepository items;
    private final Clock clock;

    ServiceItemController(ServiceItemRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    record DefineItemRequest(
            @NotBlank @Pattern(regexp = BasicCode.REGEX,
                    message = "item type (XK, QR, JF, JL, CJ, ZS, QT or GG) + 5-digit main item + 3-digit sub-item")
            String basicCode,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String legalBasis,
            @NotEmpty @Size(max = 2) List<@NotNull ApplicantType> applicantTypes,
            @Size(max = 20) List<@NotBlank @Size(max = 20) String> lifeEvents,
            @Size(max = 20) List<@NotBlank @Size(max = 20) String> enterpriseTopics) {
    }

    record UpdateItemRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String legalBasis,
            @NotEmpty @Size(max = 2) List<@NotNull ApplicantType> applicantTypes,
            @Size(max = 20) List<@NotBlank @Size(max = 20) String> lifeEvents,
            @Size(max = 20) List<@NotBlank @Size(max = 20) String> enterpriseTopics) {
    }

    record ItemResponse(String basicCode, ItemType itemType, String itemTypeName, String name, String legalBasis,
            List<ApplicantType> applicantTypes, List<String> lifeEvents, List<String> enterpriseTopics) {
        static ItemResponse of(ServiceItem item) {
            return new ItemResponse(item.basicCode(), item.itemType(), item.itemType().label(), item.name(),
                    item.legalBasis(), item.applicantTypes(), item.lifeEvents(), item.enterpriseTopics());
        }
    }

    @GetMapping
    PageResponse<ItemResponse> list(@RequestParam(required = false) ItemType itemType,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by("basicCode"));
        Page<ServiceItem> found = itemType == null ? items.findAll(request) : items.findByItemType(itemType, request);
        return PageResponse.of(found, ItemResponse::of);
    }

    @GetMapping("/{basicCode}")
    ItemResponse get(@PathVariable String basicCode) {
        return items.findById(basicCode).map(ItemResponse::of)
                .orElseThrow(() -> ApiException.notFound("service item", basicCode));
    }

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
            throw ApiException.conflict("ITEM_EXISTS", "service item " + request.basicCode() + " already exists");
        }
    }

    @PutMapping("/{basicCode}")
    @PreAuthorize("hasRole('catalog-admin')")
    ItemResponse update(@PathVariable String basicCode, @Valid @RequestBody UpdateItemRequest request,
            Caller caller) {
        ServiceItem item = items.findById(basicCode)
                .orElseThrow(() -> ApiException.notFound("service item", basicCode));
        item.update(request.name(), request.legalBasis(), request.applicantTypes(), request.lifeEvents(),
                request.enterpriseTopics(), caller.username(), clock.instant());
        return ItemResponse.of(items.save(item));
    }
}
