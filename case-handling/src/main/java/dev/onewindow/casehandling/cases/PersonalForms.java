package dev.onewindow.casehandling.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.entries.Entry;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.personal.MobileNumber;
import dev.onewindow.platform.personal.ResidentIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal information in application forms (个人信息保护法 §28, §51; GB/T 35273-2020): which fields are personal,
 * decided at submission and kept with the case; their values stored encrypted; shown in full only to the handling
 * department's officers and masked to everyone else; never on a topic.
 *
 * <p>A field is personal when (a) the entry version's form says so ({@code formFields[].personal}), (b) the licence
 * the entry issues marks the face field of that name personal (e-license's type schema), or (c) its value holds a
 * valid resident ID number or mobile number anywhere inside it. When e-license cannot say which face fields are
 * personal, every field a face could print (plain values) is taken for personal rather than guessed. A supplement's
 * values are sealed by the case's set, and a value of the kind (c) finds makes its field personal from then on.
 */
@Component
public class PersonalForms {

    private static final Logger log = LoggerFactory.getLogger(PersonalForms.class);
    /** How a personal value that is neither an ID number, a mobile number nor a name is shown. */
    static final String MASKED = "***";
    /** Field names that hold a person's name: {@code name}, {@code holderName}, {@code agent_name} … */
    private static final Pattern NAME_FIELD = Pattern.compile("(?i).*name");

    private final FieldCipher cipher;
    private final JsonMapper json;
    private final LicenseFaces licenseFaces;

    PersonalForms(FieldCipher cipher, JsonMapper json, LicenseFaces licenseFaces) {
        this.cipher = cipher;
        this.json = json;
        this.licenseFaces = licenseFaces;
    }

    /** What is known at submission about the personal fields of a form and the face of the licence an entry issues. */
    record Decision(List<String> personalFields, Map<String, List<String>> faceFieldsByType) {

        /** The face field names of {@code licenseType}, or {@code null} when e-license did not tell them. */
        List<String> faceFields(String licenseType) {
            return licenseType == null ? null : faceFieldsByType.get(licenseType);
        }
    }

    /**
     * Decides which fields of {@code form} are personal for an application under {@code entries} (one entry, or a
     * bundle's members: a field personal for one is personal for all, since they share the form).
     */
    Decision decide(List<Entry> entries, Map<String, Object> form) {
        Set<String> personal = new TreeSet<>();
        Map<String, List<String>> faces = new LinkedHashMap<>();
        boolean faceUnknown = false;
        for (Entry entry : entries) {
            entry.formFields().stream().filter(Entry.FormField::personal).map(Entry.FormField::name)
                    .forEach(personal::add);
            EntrySnapshot snapshot = EntrySnapshot.of(entry);
            if (!snapshot.resultIsLicense() || faces.containsKey(snapshot.resultLicenseType())) {
                continue;
            }
            LicenseFaces.FaceSchema schema = licenseFaces.faceSchema(snapshot.resultLicenseType());
            if (schema.known()) {
                faces.put(snapshot.resultLicenseType(), schema.fields().stream().map(LicenseFaces.FaceField::name)
                        .toList());
                schema.fields().stream().filter(LicenseFaces.FaceField::personal).map(LicenseFaces.FaceField::name)
                        .forEach(personal::add);
            } else if (schema.status() == LicenseFaces.FaceSchema.Status.UNAVAILABLE) {
                faceUnknown = true;
            }
        }
        for (Map.Entry<String, Object> field : form.entrySet()) {
            if (holdsPersonalValue(field.getValue()) || (faceUnknown && plain(field.getValue()))) {
                personal.add(field.getKey());
            }
        }
        if (faceUnknown) {
            log.warn("e-license could not tell which licence face fields are personal; every face field of the form "
                    + "is taken for personal");
        }
        return new Decision(List.copyOf(personal), faces);
    }

    /** Splits a form for storage in case {@code caseId}: the fields named in {@code personalFields} sealed. */
    SealedForm seal(String caseId, Map<String, Object> form, Collection<String> personalFields) {
        Map<String, Object> clear = new LinkedHashMap<>();
        Map<String, SealedValue> sealed = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (personalFields.contains(name)) {
                sealed.put(name, new SealedValue(cipher.encrypt(json.writeValueAsString(value), context(caseId, name)),
                        plain(value)));
            } else {
                clear.put(name, value);
            }
        });
        return new SealedForm(clear, sealed, List.copyOf(personalFields));
    }

    /**
     * A supplement's form changes sealed by the case's personal fields, plus any field whose new value holds an ID
     * or mobile number (it is personal from now on).
     */
    SealedForm sealChanges(Case c, Map<String, Object> changes) {
        Set<String> personal = new TreeSet<>(c.personalFields());
        changes.forEach((name, value) -> {
            if (holdsPersonalValue(value)) {
                personal.add(name);
            }
        });
        return seal(c.id(), changes, personal);
    }

    /** The whole form of a case, personal fields decrypted: for its department's officers and the licence face. */
    public Map<String, Object> open(Case c) {
        Map<String, Object> form = new LinkedHashMap<>(c.formData());
        c.personalForm().forEach((name, value) -> form.put(name, decrypt(c.id(), name, value)));
        return form;
    }

    /** The form as anyone but the department's officers sees it: personal fields masked. */
    public Map<String, Object> masked(Case c) {
        Map<String, Object> form = new LinkedHashMap<>(c.formData());
        c.personalForm().forEach((name, value) -> form.put(name, mask(name, decrypt(c.id(), name, value))));
        return form;
    }

    /** An ID number as {@code 110105********1234}, a mobile as {@code 138****5678}, a name as {@code 张*}, else ***. */
    static Object mask(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            if (ResidentIdNumber.isValid(text)) {
                return Masking.idNumber(text.trim().toUpperCase(java.util.Locale.ROOT));
            }
            if (MobileNumber.isValid(text)) {
                return Masking.mobile(text.trim());
            }
            if (NAME_FIELD.matcher(field).matches() && !text.isBlank()) {
                return Masking.name(text.trim());
            }
        }
        return MASKED;
    }

    /** Whether a value is, or holds anywhere inside it, a valid resident ID number or mobile number. */
    static boolean holdsPersonalValue(Object value) {
        if (value instanceof String text) {
            return ResidentIdNumber.isValid(text) || MobileNumber.isValid(text);
        }
        if (value instanceof Number number) {
            String digits = number.toString();
            return ResidentIdNumber.isValid(digits) || MobileNumber.isValid(digits);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(PersonalForms::holdsPersonalValue);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(PersonalForms::holdsPersonalValue);
        }
        return false;
    }

    /** A value a licence face can print (see {@link Case#licenseFieldsOf}). */
    static boolean plain(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private Object decrypt(String caseId, String name, SealedValue value) {
        return json.readValue(cipher.decrypt(value.cipher(), context(caseId, name)), Object.class);
    }

    /** The encryption context of a form field: bound to the case and the field. */
    private static String context(String caseId, String field) {
        return "case/" + caseId + "/formData/" + field;
    }

    /** The names, in order, of the personal fields of {@code c} a licence face can print. */
    static List<String> plainPersonalFields(Case c) {
        List<String> names = new ArrayList<>();
        c.personalForm().forEach((name, value) -> {
            if (value.plain()) {
                names.add(name);
            }
        });
        return names;
    }
}
