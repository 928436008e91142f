package dev.onewindow.platform.sample;

import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ParcelController {

    private final ParcelRepository parcels;

    ParcelController(ParcelRepository parcels) {
        this.parcels = parcels;
    }

    record RegisterParcelRequest(@NotBlank @Size(max = 20) String id, @NotBlank @Size(max = 6) @Pattern(regexp = "\\d{6}") String region,
            @NotBlank @Size(max = 50) String label, @Size(max = 500) @MultiLineText String note,
            Parcel.Priority priority) {
    }

    record ParcelResponse(@Schema(maxLength = 20) String id, @Schema(allowableValues = {"REGISTERED", "SHIPPED"}) String status,
            @Schema(maxLength = 50) String label, @Schema(maxLength = 500) String note, Parcel.Priority priority) {
        static ParcelResponse of(Parcel parcel) {
            return new ParcelResponse(parcel.id(), parcel.status().name(), parcel.label(), parcel.note(),
                    parcel.priority());
        }
    }

    record ParcelPage(@ArraySchema(maxItems = 100) List<ParcelResponse> content,
            @Schema(minimum = "0", maximum = "1000000") long total) {
    }

    @Operation(summary = "Register a parcel")
    @PostMapping("/parcels")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('window-officer')")
    ParcelResponse register(@Valid @RequestBody RegisterParcelRequest request) {
        return ParcelResponse.of(parcels.insert(Parcel.register(request.id(), request.region(), request.label(),
                request.note(), request.priority(), Instant.now())));
    }

    @Operation(summary = "List parcels, a page at a time")
    @GetMapping("/parcels")
    @PreAuthorize("hasRole('window-officer')")
    ParcelPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var found = parcels.findAll(Paging.of(page, size, 100));
        return new ParcelPage(found.map(ParcelResponse::of).getContent(), found.getTotalElements());
    }

    @Operation(summary = "Read a parcel")
    @GetMapping("/parcels/{id}")
    ParcelResponse get(@PathVariable @Size(max = 20) String id) {
        return ParcelResponse.of(parcels.findById(id).orElseThrow(() -> DomainException.notFound("parcel", id)));
    }

    /** {@code holdMillis} widens the load→save window so a test can make two requests truly concurrent. */
    @Operation(summary = "Ship a parcel")
    @PostMapping("/parcels/{id}/ship")
    @PreAuthorize("hasRole('window-officer')")
    ParcelResponse ship(@PathVariable @Size(max = 20) String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(2000) long holdMillis)
            throws InterruptedException {
        Parcel parcel = parcels.findById(id).orElseThrow(() -> DomainException.notFound("parcel", id));
        parcel.ship(Instant.now());
        Thread.sleep(Math.min(holdMillis, 2000));
        return ParcelResponse.of(parcels.save(parcel));
    }

    @Operation(summary = "Who the token says the caller is", hidden = true)
    @GetMapping("/me")
    Caller me(Caller caller) {
        return caller;
    }

    @Operation(summary = "Answer pong without a token")
    @GetMapping("/public/ping")
    PingResponse ping() {
        return new PingResponse("pong");
    }

    record PingResponse(@Schema(allowableValues = "pong") String answer) {
    }

    /** Its ETag is the parcel's revision, an ETag the domain already has (as a write's If-Match would name it). */
    @Operation(summary = "Track a parcel without a token", description = "Its status only.")
    @GetMapping("/public/parcels/{id}")
    ResponseEntity<TrackingResponse> track(@PathVariable @Size(max = 20) String id) {
        Parcel parcel = parcels.findById(id).orElseThrow(() -> DomainException.notFound("parcel", id));
        return ResponseEntity.ok().eTag("\"" + parcel.version() + "\"")
                .body(new TrackingResponse(parcel.id(), parcel.status().name()));
    }

    record TrackingResponse(@Schema(maxLength = 20) String id,
            @Schema(allowableValues = {"REGISTERED", "SHIPPED"}) String status) {
    }

    @Operation(summary = "Fail with an internal error", hidden = true)
    @GetMapping("/failure")
    String failure() {
        throw new IllegalStateException("secret internal detail: db password is hunter2");
    }
}
