package dev.onewindow.casehandling.cases;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.casehandling.entries.Entry;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.text.FreeFormMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application form (free JSON the entry's form template describes): plain field names that are safe as MongoDB
 * keys, bounded depth, count and values (the platform's {@link FreeFormMap}, the one check of every free-form map),
 * at most {@code form-max-bytes} as JSON — and, when the entry's result is a licence, able to become that licence's
 * face. A submission and a supplement are checked alike: what one refuses, the other does not store.
 */
@Component
class ApplicationForms {

    private final JsonMapper json;
    private final LicenseFaces licenseFaces;
    private final int maxBytes;

    ApplicationForms(JsonMapper json, LicenseFaces licenseFaces, CaseHandlingProperties properties) {
        this.json = json;
        this.licenseFaces = licenseFaces;
        this.maxBytes = properties.formMaxBytes();
    }

    /** A copy of the form, once its names, depth, values and size are checked. */
    Map<String, Object> checked(Map<String, Object> form) {
        FreeFormMap.require(form, "formData", FreeFormMap.Limits.DEFAULT);
        if (json.writeValueAsString(form).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw DomainException.invalid("FORM_TOO_LARGE", "the form data exceeds " + maxBytes
                    + " bytes; attach long documents as files");
        }
        return new LinkedHashMap<>(form);
    }

    /**
     * A supplement's form changes, checked as a submission's form is, and so is the form they make once merged into
     * the case's (its size); the changes as they will be applied.
     */
    Map<String, Object> checkedChanges(Map<String, Object> stored, Map<String, Object> changes) {
        if (changes == null || changes.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> checked = checked(changes);
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        merged.putAll(checked);
        checked(merged);
        return checked;
    }

    /** Before anything is stored or redeemed: each licence the entries will issue can be printed from the form. */
    void requireFitsLicenses(List<Entry> entries, Map<String, Object> form) {
        Map<String, Object> licenseFields = Case.licenseFieldsOf(form);
        entries.stream().map(EntrySnapshot::of).filter(EntrySnapshot::resultIsLicense)
                .map(EntrySnapshot::resultLicenseType).distinct()
                .forEach(type -> licenseFaces.requireFits(type, licenseFields));
    }
}
