package dev.onewindow.dataexchange.subscriptions.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.subscriptions.Subscription;
import dev.onewindow.dataexchange.subscriptions.SubscriptionService;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.dataexchange.Limits.ID;
import static dev.onewindow.dataexchange.Limits.ID_LENGTH;
import static dev.onewindow.dataexchange.Limits.MAX_PAGE;
import static dev.onewindow.dataexchange.Limits.PAGE_SIZE;

/** Subscriptions (数据回流) of consumers to the changes of pushed datasets. */
@RestController
@RequestMapping("/api/v1/exchange/subscriptions")
@Tag(name = "Subscriptions", description = "数据回流: a consumer with a live grant on a pushed dataset hears of its "
        + "changes as dataset.changed events (topic data-exchange.dataset.events.v1), limited to the grant's fields.")
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final DataExchangeProperties properties;

    SubscriptionController(SubscriptionService subscriptions, DataExchangeProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    @Operation(summary = "Subscribe to a dataset's changes", description = "By the consuming department's system "
            + "or data steward, under its live grant on a pushed dataset; one subscription per grant (409).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('data-consumer', 'data-steward')")
    SubscriptionResponse subscribe(@Valid @RequestBody SubscribeRequest request, Caller caller) {
        return response(subscriptions.subscribe(request.grantId(), caller));
    }

    @Operation(summary = "List the own department's subscriptions")
    @GetMapping
    @PreAuthorize("hasAnyRole('data-consumer', 'data-steward')")
    SubscriptionPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Subscriptions per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        Page<Subscription> found = subscriptions.list(caller, Paging.of(page, size, properties.maxPageSize()));
        return new SubscriptionPage(found.getContent().stream().map(SubscriptionController::response).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read a subscription", description = "The own department's; auditors any.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('data-consumer', 'data-steward', 'auditor')")
    SubscriptionResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(subscriptions.get(id, caller));
    }

    @Operation(summary = "Cancel a subscription")
    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasAnyRole('data-consumer', 'data-steward')")
    SubscriptionResponse cancel(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            Caller caller) {
        return response(subscriptions.cancel(id, caller));
    }

    static SubscriptionResponse response(Subscription s) {
        return new SubscriptionResponse(s.id(), s.grantId(), s.resourceCode(), s.consumerDepartment(), s.active(),
                s.subscribedAt(), s.endedAt());
    }

    @Schema(description = "The grant to subscribe under")
    record SubscribeRequest(@NotBlank @Size(max = ID_LENGTH) @Pattern(regexp = ID)
            @Schema(maxLength = ID_LENGTH, pattern = ID) String grantId) {
    }

    @Schema(description = "A subscription (数据回流)")
    record SubscriptionResponse(
            @Schema(maxLength = 36) String id,
            @Schema(maxLength = 36) String grantId,
            @Schema(maxLength = 33) String resourceCode,
            @Schema(maxLength = 16) String consumerDepartment,
            boolean active,
            @Schema(maxLength = 35) Instant subscribedAt,
            @Schema(maxLength = 35) Instant endedAt) {
    }

    @Schema(description = "A page of subscriptions")
    record SubscriptionPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<SubscriptionResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }
}
