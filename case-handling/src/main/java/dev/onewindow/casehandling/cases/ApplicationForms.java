package dev.onewindow.casehandling.cases;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.casehandling.entries.Entry;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application form (free JSON the entry's form template describes): bounded in size and depth, with field names
 * that are safe as MongoDB keys, and — when the entry's result is a licence — able to become that licence's face.
 */
@Component
class ApplicationForms {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final int MAX_DEPTH = 5;

    private final JsonMapper json;
    private final LicenseFaces licenseFaces;
    private final int maxBytes;

    ApplicationForms(JsonMapper json, LicenseFaces licenseFaces, CaseHandlingProperties properties) {
        this.json = json;
        this.licenseFaces = licenseFaces;
        this.maxBytes = properties.formMaxBytes();
    }

    /** A copy of the form, once its names, depth and size are checked. */
    Map<String, Object> checked(Map<String, Object> form) {
        checkFieldNames(form, "formData", 1);
        if (json.writeValueAsString(form).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw DomainException.invalid("FORM_TOO_LARGE", "the form data exceeds " + maxBytes
                    + " bytes; attach long documents as files");
        }
        return new LinkedHashMap<>(form);
    }

    /** Before anything is stored or redeemed: each licence the entries will issue can be printed from the form. */
    void requireFitsLicenses(List<Entry> entries, Map<String, Object> form) {
        Map<String, Object> licenseFields = Case.licenseFieldsOf(form);
        entries.stream().map(EntrySnapshot::of).filter(EntrySnapshot::resultIsLicense)
                .map(EntrySnapshot::resultLicenseType).distinct()
                .forEach(type -> licenseFaces.requireFits(type, licenseFields));
    }

    /** Field names become MongoDB keys: no dots, no {@code $}, bounded length and depth. */
    private static void checkFieldNames(Object value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw DomainException.invalid("INVALID_FORM_FIELD", "the form is nested too deeply at " + path);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                String name = String.valueOf(field.getKey());
                if (!FIELD_NAME.matcher(name).matches()) {
                    throw DomainException.invalid("INVALID_FORM_FIELD", "invalid form field name at " + path)
                            .with("field", path + "." + name);
                }
                checkFieldNames(field.getValue(), path + "." + name, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkFieldNames(list.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }
}
