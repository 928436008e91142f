package dev.onewindow.hotline.hotspot.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.onewindow.hotline.Limits;
import dev.onewindow.hotline.hotspot.Hotspot;
import dev.onewindow.hotline.hotspot.HotspotDetector;
import dev.onewindow.hotline.hotspot.HourlyCount;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hot spots (热点) and the hourly counts they are detected in. */
@RestController
@RequestMapping("/api/v1/hotline/hotspots")
@Tag(name = "Hot spots", description = "Orders counted per category, region and hour; a spike over the trailing "
        + "same-hour baseline is a hot spot (热点), raised once to supervision.")
class HotspotController {

    private static final Duration LONGEST = Duration.ofDays(31);

    private final HotspotDetector hotspots;

    HotspotController(HotspotDetector hotspots) {
        this.hotspots = hotspots;
    }

    @Operation(summary = "List hot spots", description = "Detected in [from, to) (at most 31 days) in the caller's "
            + "region (auditors: everywhere), newest first.")
    @ApiResponse(responseCode = "200", description = "The hot spots", content = @Content(array = @ArraySchema(
            maxItems = 500, schema = @Schema(implementation = HotspotResponse.class))))
    @GetMapping
    @PreAuthorize("hasAnyRole('hotline-dispatcher', 'supervisor', 'auditor')")
    List<HotspotResponse> detected(
            @Parameter(schema = @Schema(type = "string", format = "date-time", maxLength = 35)) @RequestParam Instant from,
            @Parameter(schema = @Schema(type = "string", format = "date-time", maxLength = 35)) @RequestParam Instant to, Caller caller) {
        requirePeriod(from, to);
        String prefix = caller.hasRole(Roles.AUDITOR) ? "" : prefix(caller.region());
        return hotspots.detected(prefix, from, to).stream().map(HotspotResponse::of).toList();
    }

    @Operation(summary = "Read hourly counts", description = "The orders of one category in one region per hour in "
            + "[from, to) (at most 31 days), oldest first; hours without orders are absent.")
    @ApiResponse(responseCode = "200", description = "The counts", content = @Content(array = @ArraySchema(
            maxItems = 744, schema = @Schema(implementation = CountResponse.class))))
    @GetMapping("/counts")
    @PreAuthorize("hasAnyRole('hotline-dispatcher', 'supervisor', 'auditor')")
    List<CountResponse> counts(@RequestParam @Size(max = 32) @Pattern(regexp = Limits.CATEGORY) String category,
            @RequestParam @Size(max = 6) @Pattern(regexp = Limits.REGION) String region,
            
            @Parameter(schema = @Schema(type = "string", format = "date-time", maxLength = 35)) @RequestParam Instant from,
            @Parameter(schema = @Schema(type = "string", format = "date-time", maxLength = 35)) @RequestParam Instant to, Caller caller) {
        requirePeriod(from, to);
        if (!caller.hasRole(Roles.AUDITOR) && !caller.inRegion(region)) {
            throw DomainException.notFound("region", region);
        }
        return hotspots.counts(category, region, from, to).stream().map(CountResponse::of).toList();
    }

    private static void requirePeriod(@Schema(maxLength = 35) Instant from, @Schema(maxLength = 35) Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw DomainException.invalid("INVALID_PERIOD", "from must be before to, at most 31 days apart")
                    .with("field", "from");
        }
    }

    private static String prefix(String region) {
        if (region == null || !region.matches("\\d{6}")) {
            throw DomainException.notAllowed("your login names no region");
        }
        return region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4)
                : region;
    }

    record HotspotResponse(@Schema(maxLength = 64) String id, @Schema(maxLength = 32) String categoryCode,
            @Schema(maxLength = 6, pattern = Limits.REGION) String region, @Schema(maxLength = 35) Instant hourStart,
            @Schema(minimum = "0", maximum = "9223372036854775807") long count, @Schema(minimum = "0", maximum = "1000000") double baseline,
            @Schema(maxLength = 35) Instant detectedAt) {

        static HotspotResponse of(Hotspot h) {
            return new HotspotResponse(h.id(), h.categoryCode(), h.regionCode(), h.hourStart(), h.count(),
                    h.baseline(), h.detectedAt());
        }
    }

    record CountResponse(@Schema(maxLength = 35) Instant hourStart, @Schema(minimum = "0", maximum = "9223372036854775807") long count) {

        static CountResponse of(HourlyCount c) {
            return new CountResponse(c.hourStart(), c.count());
        }
    }
}
