package dev.onewindow.elicense.licensetype;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.elicense.Limits;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.personal.InvalidPersonalDataException;
import dev.onewindow.platform.text.TextPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A kind of licence in the licence catalogue (证照目录): code, name, issuing departments, the fields of its face and
 * how long a licence of it is valid. It owns the rule for what a valid face looks like.
 *
 * @param issuingDepartments the departments that issue it, the city-level one first (e.g. {@code SCJGJ}, then the
 *                           district bureau {@code YQSCJGJ}, which issues the same licence in its district)
 * @param validity ISO-8601 period a licence is valid for from its first day ({@code P5Y}), or {@code null} for
 *                 permanent (长期有效)
 */
@Document("license_types")
public record LicenseType(@Id String code, String name, List<String> issuingDepartments, List<FieldSpec> fields,
        String validity) {

    static final int MAX_TEXT_LENGTH = Limits.FIELD_TEXT_LENGTH;

    /** A type outside the catalogue's limits fails at seeding (or at start), not at the first issue or read. */
    public LicenseType {
        fields = fields == null ? List.of() : List.copyOf(fields);
        issuingDepartments = issuingDepartments == null ? List.of() : List.copyOf(issuingDepartments);
        if (code == null || !code.matches(Limits.TYPE_CODE)) {
            throw new IllegalArgumentException("licence type code " + code + " is not " + Limits.TYPE_CODE);
        }
        if (name == null || name.isBlank() || name.length() > Limits.TYPE_NAME_LENGTH) {
            throw new IllegalArgumentException("licence type " + code + " needs a name of at most "
                    + Limits.TYPE_NAME_LENGTH + " characters");
        }
        if (issuingDepartments.isEmpty()) {
            throw new IllegalArgumentException("licence type " + code + " has no issuing department");
        }
        if (issuingDepartments.size() > Limits.ISSUING_DEPARTMENTS
                || !issuingDepartments.stream().allMatch(d -> d != null && d.matches(Limits.DEPARTMENT_CODE))) {
            throw new IllegalArgumentException("licence type " + code + " has more than " + Limits.ISSUING_DEPARTMENTS
                    + " issuing departments, or one that is not a department code");
        }
        if (fields.size() > Limits.FACE_FIELDS) {
            throw new IllegalArgumentException("licence type " + code + " has more than " + Limits.FACE_FIELDS
                    + " fields");
        }
        if (validity != null) {
            if (validity.length() > Limits.VALIDITY_LENGTH || !validity.matches(Limits.VALIDITY)) {
                throw new IllegalArgumentException("licence type " + code + ": validity " + validity
                        + " is not a period of years, months, weeks and days");
            }
            Period.parse(validity);
        }
    }

    /** The department that issues it when none is named (the city-level one). */
    public String primaryDepartment() {
        return issuingDepartments.get(0);
    }

    public boolean issuedBy(String department) {
        return issuingDepartments.contains(department);
    }

    public boolean permanent() {
        return validity == null;
    }

    /** Last valid day (inclusive) of a licence valid from {@code from}; empty when permanent. */
    public Optional<LocalDate> validUntil(LocalDate from) {
        return permanent() ? Optional.empty() : Optional.of(from.plus(Period.parse(validity)).minusDays(1));
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Checks a face against this type and returns it normalised (sorted by name; strings trimmed, numbers as
     * {@link BigDecimal}, ID numbers and credit codes in canonical form). Text is single-line plain text whichever
     * way the face arrives (a request, or a {@code case.approved} event that no request check saw): a control or
     * bidirectional character, or text that is not valid Unicode, is listed with the {@link TextPolicy} reason as
     * its code ({@code BIDI_CONTROL}, {@code CONTROL_CHARACTER}, {@code INVALID_UNICODE}).
     *
     * @param rejectUnknown whether a field the type does not have is an error (API) or dropped (events, which are
     *                      read leniently)
     * @throws dev.onewindow.platform.domain.InvalidInputException {@code INVALID_LICENSE_FIELDS} listing every wrong
     *                                                        field
     */
    public Map<String, Object> validate(Map<String, ?> input, boolean rejectUnknown) {
        Map<String, ?> given = input == null ? Map.of() : input;
        List<FieldViolation> errors = new ArrayList<>();
        Map<String, Object> normalised = new TreeMap<>();
        for (String name : given.keySet()) {
            if (field(name).isEmpty() && rejectUnknown) {
                errors.add(new FieldViolation("fields." + name, "UNKNOWN_FIELD",
                        "licence type " + code + " has no field '" + name + "'"));
            }
        }
        for (FieldSpec spec : fields) {
            Object value = given.get(spec.name());
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (spec.required()) {
                    errors.add(new FieldViolation("fields." + spec.name(), "REQUIRED", spec.label() + " is required"));
                }
                continue;
            }
            try {
                normalised.put(spec.name(), normalise(spec, value));
            } catch (UnprintableText e) {
                errors.add(new FieldViolation("fields." + spec.name(), e.violation.name(),
                        spec.label() + " " + e.violation.message()));
            } catch (IllegalArgumentException | DateTimeParseException | InvalidPersonalDataException e) {
                // InvalidPersonalDataException is no IllegalArgumentException: an ID number or credit code that
                // fails its check is an invalid field like any other
                errors.add(new FieldViolation("fields." + spec.name(), "INVALID_VALUE",
                        spec.label() + " must be " + describe(spec)));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("INVALID_LICENSE_FIELDS",
                    "the licence fields do not match licence type " + code).with("errors", errors);
        }
        return normalised;
    }

    /** Names of the fields holding personal data (masked for anyone but the holder). */
    public List<String> personalFields() {
        return fields.stream().filter(FieldSpec::personal).map(FieldSpec::name).toList();
    }

    private static Object normalise(FieldSpec spec, Object value) {
        return switch (spec.type()) {
            case STRING -> {
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException("not text");
                }
                String trimmed = s.strip();
                if (trimmed.length() > MAX_TEXT_LENGTH
                        || (!spec.allowedValues().isEmpty() && !spec.allowedValues().contains(trimmed))) {
                    throw new IllegalArgumentException("not allowed");
                }
                // what is sealed is printed on one line of the face and read back as signed: no control or
                // bidirectional characters (a request's text was checked already; an event's was not), valid Unicode
                TextPolicy.Violation violation = TextPolicy.check(trimmed, TextPolicy.Lines.SINGLE, MAX_TEXT_LENGTH);
                if (violation != null) {
                    throw new UnprintableText(violation);
                }
                yield trimmed;
            }
            case DATE -> {
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException("not a date");
                }
                yield LocalDate.parse(s.strip()).toString();
            }
            case NUMBER -> {
                BigDecimal number;
                if (value instanceof Number n) {
                    number = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
                } else if (value instanceof String s) {
                    number = new BigDecimal(s.strip());
                } else {
                    throw new IllegalArgumentException("not a number");
                }
                if (number.abs().compareTo(new BigDecimal("1e15")) >= 0 || number.scale() > 6) {
                    throw new IllegalArgumentException("out of range");
                }
                yield number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
                    yield Boolean.valueOf(s);
                }
                throw new IllegalArgumentException("not a boolean");
            }
            case ID_NUMBER -> {
                if (!(value instanceof String s) || !ResidentIdNumber.isValid(s)) {
                    throw new IllegalArgumentException("invalid ID number");
                }
                yield ResidentIdNumber.of(s).value();
            }
            case USCC -> {
                if (!(value instanceof String s) || !UnifiedSocialCreditCode.isValid(s)) {
                    throw new IllegalArgumentException("invalid credit code");
                }
                yield UnifiedSocialCreditCode.of(s).value();
            }
        };
    }

    /** A text value the face cannot hold, whatever its field allows: refused with the policy's reason as its code. */
    private static final class UnprintableText extends RuntimeException {

        private final transient TextPolicy.Violation violation;

        UnprintableText(TextPolicy.Violation violation) {
            super(violation.message(), null, false, false);
            this.violation = violation;
        }
    }

    private static String describe(FieldSpec spec) {
        return switch (spec.type()) {
            case STRING -> spec.allowedValues().isEmpty() ? "text of at most " + MAX_TEXT_LENGTH + " characters"
                    : "one of " + spec.allowedValues();
            case DATE -> "a date yyyy-MM-dd";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ID_NUMBER -> "a valid resident ID number";
            case USCC -> "a valid unified social credit code";
        };
    }
}
