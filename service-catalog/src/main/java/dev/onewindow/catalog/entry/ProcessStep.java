package dev.onewindow.catalog.entry;

import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step of the process (办理环节, e.g. 受理 / 审查 / 决定) with its own limit in working days (环节时限). */
public record ProcessStep(@NotBlank @Size(max = Limits.STEP_NAME) String name,
        @NotNull @Min(0) @Max(Limits.LIMIT_DAYS) Integer limitDays) {
}
