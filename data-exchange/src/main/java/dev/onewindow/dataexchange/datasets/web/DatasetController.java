package dev.onewindow.dataexchange.datasets.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.datasets.DatasetService;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.FreeFormMap;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.dataexchange.Limits.RECORDS_PER_PUSH;
import static dev.onewindow.dataexchange.Limits.RESOURCE_CODE;
import static dev.onewindow.dataexchange.Limits.RESOURCE_CODE_LENGTH;

/** Pushed datasets: the providing department's stewards push records; subscribers hear of the changes. */
@RestController
@RequestMapping("/api/v1/exchange/resources/{code}/records")
@Tag(name = "Datasets", description = "Pushed datasets: records a provider pushes, read by queries under grants; "
        + "each change reaches the live subscriptions (数据回流) limited to their grants' fields.")
class DatasetController {

    private static final FreeFormMap.Limits RECORD = new FreeFormMap.Limits(32, 1, 50, 200);

    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Operation(summary = "Push records of a dataset", description = """
            By a data steward of the providing department (a person or the department's system): records upserted by \
            the resource's key field, each value of its field's type. A record that changes is announced as \
            dataset.changed to each live subscription, limited to its grant's fields and without personal values.""")
    @PostMapping
    @PreAuthorize("hasRole('data-steward')")
    PushResponse push(@PathVariable @Size(max = RESOURCE_CODE_LENGTH) @Pattern(regexp = RESOURCE_CODE) String code,
            @Valid @RequestBody PushRecordsRequest request, Caller caller) {
        for (int i = 0; i < request.records().size(); i++) {
            FreeFormMap.require(request.records().get(i), "records[" + i + "]", RECORD);
        }
        DatasetService.PushResult result = datasets.push(code, request.records(), caller);
        return new PushResponse(result.created(), result.updated(), result.unchanged());
    }

    @Schema(description = "Records to push: each an object of the resource's fields")
    record PushRecordsRequest(
            @NotEmpty @Size(max = RECORDS_PER_PUSH) @ArraySchema(maxItems = RECORDS_PER_PUSH,
                    schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                            maxProperties = 50))
            List<@NotNull Map<String, Object>> records) {
    }

    @Schema(description = "What a push did")
    record PushResponse(@Schema(minimum = "0", maximum = "500") int created,
            @Schema(minimum = "0", maximum = "500") int updated,
            @Schema(minimum = "0", maximum = "500") int unchanged) {
    }
}
