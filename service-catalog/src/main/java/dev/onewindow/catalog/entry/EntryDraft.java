package dev.onewindow.catalog.entry;

import java.util.List;

import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.ServiceItem;

/**
 * The input of drafting an entry version, as an editor or the demo data gives it. {@code applicantTypes} and
 * {@code topics} may be left out: they then default to the service item's.
 */
public record EntryDraft(
        String basicCode,
        String departmentCode,
        String name,
        String description,
        String acceptanceConditions,
        List<ApplicantType> applicantTypes,
        List<String> topics,
        List<Material> materials,
        int statutoryLimitDays,
        int promisedLimitDays,
        Fee fee,
        int onlineDepth,
        int visits,
        boolean crossProvince,
        boolean proactive,
        AutoApproval autoApproval,
        Result result,
        List<ProcessStep> steps) {

    EntryContent toContent(ServiceItem item) {
        return new EntryContent(name, description, acceptanceConditions,
                applicantTypes == null || applicantTypes.isEmpty() ? item.applicantTypes() : applicantTypes,
                topics == null ? item.topics() : topics, materials, statutoryLimitDays, promisedLimitDays, fee,
                onlineDepth, visits, crossProvince, proactive, autoApproval, result, steps);
    }
}
