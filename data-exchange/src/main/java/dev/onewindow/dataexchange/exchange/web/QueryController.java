package dev.onewindow.dataexchange.exchange.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.exchange.ExchangeService;
import dev.onewindow.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.dataexchange.Limits.ID;
import static dev.onewindow.dataexchange.Limits.ID_LENGTH;
import static dev.onewindow.dataexchange.Limits.RECORDS_PER_ANSWER;
import static dev.onewindow.dataexchange.Limits.VALUE;

/** 共享交换: a consumer system's query under its department's grant, logged in the hash-chained access log. */
@RestController
@RequestMapping("/api/v1/exchange/queries")
@Tag(name = "Exchange", description = "共享交换: queries by consumer systems (client credentials) under a live "
        + "grant; only granted fields come back, personal ones masked unless granted; every access is logged.")
class QueryController {

    private final ExchangeService exchange;

    QueryController(ExchangeService exchange) {
        this.exchange = exchange;
    }

    @Operation(summary = "Query a resource under a grant", description = """
            By a consumer system (client credentials, role data-consumer) of the grant's consuming department, naming \
            the key field's value. A grant that is not the caller's department's, revoked or expired: 403 (NO_GRANT, \
            GRANT_REVOKED, GRANT_EXPIRED); over the grant's quota: 429 GRANT_QUOTA_EXCEEDED with Retry-After; the \
            provider's system unavailable: 503 PROVIDER_UNAVAILABLE. Every access, also a refused or failed one, is \
            appended to the access log; accessId names the entry.""")
    @PostMapping
    @PreAuthorize("hasRole('data-consumer')")
    QueryResponse query(@Valid @RequestBody QueryRequest request, Caller caller) {
        ExchangeService.Answer answer = exchange.query(request.grantId(), request.key(), caller);
        return new QueryResponse(answer.accessId(), answer.hash(), answer.grant().id(),
                answer.grant().resourceCode(), answer.grant().purpose(), answer.records());
    }

    @Schema(description = "A query: the grant it runs under and the key field's value")
    record QueryRequest(
            @NotBlank @Size(max = ID_LENGTH) @Pattern(regexp = ID) @Schema(maxLength = ID_LENGTH, pattern = ID)
            String grantId,
            @NotBlank @Size(max = VALUE) @Schema(maxLength = VALUE,
                    description = "the value of the resource's key field (a number written as text)") String key) {
    }

    @Schema(description = "The answer: only granted fields, personal ones masked unless granted")
    record QueryResponse(
            @Schema(maxLength = 15, description = "the access log entry of this access") String accessId,
            @Schema(maxLength = 64, description = "the entry's chain hash") String entryHash,
            @Schema(maxLength = 36) String grantId,
            @Schema(maxLength = 33) String resourceCode,
            @Schema(maxLength = 1000) String purpose,
            @ArraySchema(maxItems = RECORDS_PER_ANSWER, schema = @Schema(type = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE))
            List<Map<String, Object>> records) {
    }
}
