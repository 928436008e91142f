package dev.onewindow.supervision.kpi.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.supervision.kpi.Dimension;
import dev.onewindow.supervision.kpi.Kpi;
import dev.onewindow.supervision.kpi.KpiService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.supervision.Limits.PERIOD;

/** KPIs and rankings (排名通报), read from counters kept as events arrive. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "KPIs and rankings", description = "排名通报: per department, region and month — cases handled, on-time "
        + "rate, overdue, average handling time, 全程网办率, hotline sign and reply on time, callback and rating "
        + "satisfaction, bad-rating rectification, 投诉差评办理满意率 (target 95 %).")
class KpiController {

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @Operation(summary = "KPIs of a department, region or the city", description = "For supervisors and auditors. "
            + "A value is null when the month has no such matter.")
    @GetMapping("/kpis")
    @PreAuthorize("hasAnyRole('supervisor', 'auditor')")
    KpiResponse kpis(
            @Parameter(description = "The month, yyyy-MM") @RequestParam @Size(max = 7) @Pattern(regexp = PERIOD)
            String period,
            @Parameter(description = "DEPARTMENT, REGION or ALL") @RequestParam Dimension dimension,
            @Parameter(description = "The department or region code; ALL for the city")
            @RequestParam @Size(max = 16) @Pattern(regexp = "^[A-Z0-9]{2,16}$") String key) {
        return new KpiResponse(period, dimension, key, kpis.kpis(period, dimension, key));
    }

    @Operation(summary = "The published ranking summary (排名通报)", description = "Public and cacheable: per KPI, "
            + "the departments of the month, best first.")
    @GetMapping("/rankings/summary")
    RankingSummary summary(
            @Parameter(description = "The month, yyyy-MM") @RequestParam @Size(max = 7) @Pattern(regexp = PERIOD)
            String period) {
        Map<Kpi, List<KpiService.Ranked>> rankings = kpis.rankings(period, Dimension.DEPARTMENT);
        return new RankingSummary(period, rankings.entrySet().stream().map(e -> new Ranking(e.getKey(),
                e.getValue().stream().map(r -> new RankedResponse(r.rank(), r.key(), r.value())).toList())).toList());
    }

    @Schema(description = "The KPIs of one department, region or the city in a month")
    record KpiResponse(@Schema(maxLength = 7) String period, Dimension dimension, @Schema(maxLength = 16) String key,
            @Schema(description = "KPI → value (rates in [0, 1], counts, working days); null without matters")
            Map<Kpi, Double> values) {
    }

    @Schema(description = "The ranking summary of a month")
    record RankingSummary(@Schema(maxLength = 7) String period,
            @ArraySchema(maxItems = 20) List<Ranking> rankings) {
    }

    @Schema(description = "One KPI's ranking, best first")
    record Ranking(Kpi kpi, @ArraySchema(maxItems = 500) List<RankedResponse> departments) {
    }

    @Schema(description = "A ranked department")
    record RankedResponse(@Schema(minimum = "1", maximum = "500") int rank, @Schema(maxLength = 16) String department,
            double value) {
    }
}
