package dev.onewindow.catalog.entry.web;

import java.util.List;

import dev.onewindow.catalog.entry.AutoApproval;
import dev.onewindow.catalog.entry.Codes;
import dev.onewindow.catalog.entry.EntryDraft;
import dev.onewindow.catalog.entry.Fee;
import dev.onewindow.catalog.entry.Material;
import dev.onewindow.catalog.entry.ProcessStep;
import dev.onewindow.catalog.entry.Result;
import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.BasicCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of drafting an entry version (POST to create, PUT to edit the draft). Its fields are those of
 * {@code EntryResponse} that an editor sets; {@code basicCode} and {@code departmentCode} are required to create and
 * must be left out or unchanged when editing. Also the shape of each entry in the demo data.
 */
public record DraftEntryRequest(
        @Pattern(regexp = BasicCode.REGEX,
                message = "item type (XK, QR, JF, JL, CJ, ZS, QT or GG) + 5-digit main item + 3-digit sub-item")
        String basicCode,
        @Pattern(regexp = Codes.DEPARTMENT, message = "2-20 upper-case letters or digits") String departmentCode,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(max = 4000) String acceptanceConditions,
        @Size(max = 2) List<@NotNull ApplicantType> applicantTypes,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> topics,
        @NotNull @Size(max = 100) List<@NotNull @Valid Material> materials,
        @NotNull @Min(0) @Max(730) Integer statutoryLimitDays,
        @NotNull @Min(0) @Max(730) Integer promisedLimitDays,
        @Valid Fee fee,
        @NotNull @Min(1) @Max(4) Integer onlineDepth,
        @NotNull @Min(0) @Max(2) Integer visits,
        Boolean crossProvince,
        Boolean proactive,
        @Valid AutoApproval autoApproval,
        @NotNull @Valid Result result,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ProcessStep> steps) {

    public EntryDraft toDraft() {
        return new EntryDraft(basicCode, departmentCode, name, description, acceptanceConditions, applicantTypes,
                topics, materials, statutoryLimitDays, promisedLimitDays, fee, onlineDepth, visits,
                Boolean.TRUE.equals(crossProvince), Boolean.TRUE.equals(proactive), autoApproval, result, steps);
    }
}
