package dev.onewindow.evaluation.statistics.web;

import java.util.List;

import dev.onewindow.evaluation.statistics.Dimension;
import dev.onewindow.evaluation.statistics.StatisticsService;
import dev.onewindow.platform.security.Caller;
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

import static dev.onewindow.evaluation.Limits.PERIOD;
import static dev.onewindow.evaluation.Limits.STAT_KEY;

/** The statistics (好差评统计) from the counters, and the public summary for publication (结果公开). */
@RestController
@RequestMapping("/api/v1/evaluations/statistics")
@Tag(name = "Statistics", description = "Satisfaction, rectification, on-time rectification and callback rates per "
        + "department, entry, officer, channel and day or month, kept incrementally as ratings change.")
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "Publish the summary (结果公开)", description = "Public and cacheable: the figures of a "
            + "day (yyyy-MM-dd) or month (yyyy-MM) overall and per department; without `period` the current "
            + "month. Excluded ratings do not count.")
    @GetMapping("/summary")
    SummaryResponse summary(
            @Parameter(description = "yyyy-MM or yyyy-MM-dd (Asia/Shanghai); the current month when absent",
                    schema = @Schema(maxLength = 10, pattern = PERIOD))
            @RequestParam(required = false) @Size(max = 10) @Pattern(regexp = PERIOD) String period) {
        StatisticsService.Summary s = statistics.summary(period == null ? statistics.currentMonth() : period);
        return new SummaryResponse(s.period(), FiguresResponse.of(s.all()),
                s.departments().stream().map(FiguresResponse::of).toList());
    }

    @Operation(summary = "Read the figures of one dimension", description = "Department staff read their own "
            + "department's; eval-admins, supervisors and auditors everything.")
    @GetMapping
    @PreAuthorize("hasAnyRole('window-officer', 'dept-handler', 'dept-admin', 'eval-admin', 'supervisor', "
            + "'auditor')")
    FiguresResponse figures(@RequestParam Dimension dimension,
            @Parameter(description = "The department, implementation code, officer, channel, or ALL",
                    schema = @Schema(maxLength = 64, pattern = STAT_KEY))
            @RequestParam @Size(max = 64) @Pattern(regexp = STAT_KEY) String key,
            @Parameter(description = "yyyy-MM or yyyy-MM-dd (Asia/Shanghai)", schema = @Schema(maxLength = 10,
                    pattern = PERIOD)) @RequestParam @Size(max = 10) @Pattern(regexp = PERIOD) String period,
            Caller caller) {
        return FiguresResponse.of(statistics.figures(dimension, key, period, caller));
    }

    @Schema(description = "Counts and rates of one dimension, key and period")
    record FiguresResponse(Dimension dimension, @Schema(maxLength = 64) String key,
            @Schema(maxLength = 10) String period,
            @Schema(minimum = "0", maximum = "1000000000000") long counted,
            @Schema(minimum = "0", maximum = "1000000000000") long satisfied,
            @Schema(minimum = "0", maximum = "1000000000000") long bad,
            @ArraySchema(minItems = 5, maxItems = 5, arraySchema = @Schema(description = "Counted ratings of "
                    + "level 1 … 5"), schema = @Schema(minimum = "0", maximum = "1000000000000")) List<Long> levels,
            @Schema(minimum = "0", maximum = "1000000000000") long rectifications,
            @Schema(minimum = "0", maximum = "1000000000000") long rectified,
            @Schema(minimum = "0", maximum = "1000000000000") long rectifiedOnTime,
            @Schema(minimum = "0", maximum = "1000000000000") long escalated,
            @Schema(minimum = "0", maximum = "1000000000000") long callbacksDue,
            @Schema(minimum = "0", maximum = "1000000000000") long callbacksMade,
            @Schema(minimum = "0", maximum = "1000000000000") long excluded,
            @Schema(minimum = "0", maximum = "1000000000000", description = "of the rectified, those the rater did "
                    + "not answer in time (默认满意)") long confirmedByDefault,
            @Schema(minimum = "0", maximum = "1", description = "levels 3–5 ÷ counted") Double satisfactionRate,
            @Schema(minimum = "0", maximum = "1") Double rectificationRate,
            @Schema(minimum = "0", maximum = "1") Double onTimeRectificationRate,
            @Schema(minimum = "0", maximum = "1") Double callbackRate) {

        static FiguresResponse of(StatisticsService.Figures f) {
            return new FiguresResponse(f.dimension(), f.key(), f.period(), f.counted(), f.satisfied(), f.bad(),
                    f.levels(), f.rectifications(), f.rectified(), f.rectifiedOnTime(), f.escalated(),
                    f.callbacksDue(), f.callbacksMade(), f.excluded(), f.confirmedByDefault(), f.satisfactionRate(), f.rectificationRate(),
                    f.onTimeRectificationRate(), f.callbackRate());
        }
    }

    @Schema(description = "结果公开: the period's figures overall and per department")
    record SummaryResponse(@Schema(maxLength = 10) String period, FiguresResponse all,
            @ArraySchema(maxItems = 500) List<FiguresResponse> departments) {
    }
}
