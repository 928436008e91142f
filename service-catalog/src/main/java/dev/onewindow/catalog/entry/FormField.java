package dev.onewindow.catalog.entry;

import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A field of an entry version's application form (申请表): {@code name} is its key in the applicant's form data,
 * {@code label} what the applicant reads. {@code personal} marks personal information (个人信息: an ID number, a
 * person's name, an address …), which case-handling stores encrypted and shows masked; it must be stated, never
 * assumed. {@code required} left out is false.
 */
public record FormField(
        @NotBlank @Size(max = Codes.FORM_FIELD_NAME_MAX)
        @Pattern(regexp = Codes.FORM_FIELD_NAME, message = "a letter or _, then up to 63 letters, digits, _ or -")
        String name,
        @NotBlank @Size(max = Limits.FORM_FIELD_LABEL) String label,
        @NotNull Boolean personal,
        Boolean required) {

    public FormField {
        required = Boolean.TRUE.equals(required);
    }

    public boolean isPersonal() {
        return Boolean.TRUE.equals(personal);
    }
}
