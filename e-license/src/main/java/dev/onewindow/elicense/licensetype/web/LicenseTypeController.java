package dev.onewindow.elicense.licensetype.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.licensetype.FieldMask;
import dev.onewindow.elicense.licensetype.FieldSpec;
import dev.onewindow.elicense.licensetype.FieldType;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.platform.domain.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.elicense.Limits.TYPE_CODE;
import static dev.onewindow.elicense.Limits.TYPE_CODE_LENGTH;

/**
 * The licence catalogue (public): which licence types exist, who issues them, their fields and validity. Issuing
 * systems (and case-handling, which copies form fields named by a type's schema) read it from here, and case-handling
 * checks an application's form against the face a licence will print before it accepts the application.
 */
@RestController
@RequestMapping("/api/v1/licenses/types")
@Tag(name = "Licence types", description = """
        The licence catalogue (证照目录), public: which licence types exist, which departments issue them, the \
        fields of their face and how long a licence of each is valid; and a check of a form against a type's face.""")
class LicenseTypeController {

    private final LicenseTypes types;

    LicenseTypeController(LicenseTypes types) {
        this.types = types;
    }

    @Schema(description = "One field of a licence type's face")
    record FieldResponse(
            @Schema(description = "The name in requests, events and the canonical form",
                    maxLength = Limits.FIELD_NAME_LENGTH, pattern = Limits.FIELD_NAME) String name,
            @Schema(description = "The name printed on the licence", maxLength = Limits.FIELD_LABEL_LENGTH)
            String label,
            FieldType type,
            boolean required,
            @Schema(description = "Personal data of a natural person") boolean personal,
            @ArraySchema(maxItems = Limits.ALLOWED_VALUES,
                    arraySchema = @Schema(description = "For a text field, the only values allowed (empty: any)"),
                    schema = @Schema(maxLength = Limits.FIELD_TEXT_LENGTH)) List<String> allowedValues,
            @Schema(description = "How the value of a personal field is masked for a department the holder did not "
                    + "show it to in full: `ID_NUMBER` 110105********1234, `MOBILE` 138****5678, `NAME` 张*, `ALL` ***")
            FieldMask mask) {

        static FieldResponse of(FieldSpec f) {
            return new FieldResponse(f.name(), f.label(), f.type(), f.required(), f.personal(), f.allowedValues(),
                    f.mask());
        }
    }

    /** {@code validity}: ISO-8601 period ({@code P5Y}) or {@code null} when licences of the type never expire. */
    @Schema(description = "A licence type of the catalogue")
    record LicenseTypeResponse(
            @Schema(maxLength = TYPE_CODE_LENGTH, pattern = TYPE_CODE) String code,
            @Schema(maxLength = Limits.TYPE_NAME_LENGTH) String name,
            @ArraySchema(maxItems = Limits.ISSUING_DEPARTMENTS,
                    arraySchema = @Schema(description = "The departments that issue it, the city-level one first"),
                    schema = @Schema(maxLength = Limits.DEPARTMENT_CODE_LENGTH, pattern = Limits.DEPARTMENT_CODE))
            List<String> issuingDepartments,
            @Schema(description = "ISO-8601 period a licence is valid for from its first day; null when permanent",
                    maxLength = Limits.VALIDITY_LENGTH, pattern = Limits.VALIDITY) String validity,
            boolean permanent,
            @ArraySchema(maxItems = Limits.FACE_FIELDS) List<FieldResponse> fields) {

        static LicenseTypeResponse of(LicenseType t) {
            return new LicenseTypeResponse(t.code(), t.name(), t.issuingDepartments(), t.validity(), t.permanent(),
                    t.fields().stream().map(FieldResponse::of).toList());
        }
    }

    @Operation(summary = "List the licence types")
    @ApiResponse(responseCode = "200", description = "Every licence type of the catalogue", content = @Content(
            array = @ArraySchema(maxItems = Limits.LICENSE_TYPES,
                    schema = @Schema(implementation = LicenseTypeResponse.class))))
    @GetMapping
    List<LicenseTypeResponse> list() {
        return types.all().stream().map(LicenseTypeResponse::of).toList();
    }

    @Operation(summary = "Read a licence type", description = "Unknown type: 404.")
    @GetMapping("/{code}")
    LicenseTypeResponse get(@PathVariable @Size(max = TYPE_CODE_LENGTH)
            @Pattern(regexp = TYPE_CODE, message = "a licence type code") String code) {
        return types.find(code).map(LicenseTypeResponse::of)
                .orElseThrow(() -> DomainException.notFound("licence type", code));
    }

    /** Face fields to check; fields the type does not have are ignored, as issuing from a case approval does. */
    record FieldCheckRequest(
            @Schema(description = "The form's fields; those the type does not have are ignored",
                    maxProperties = Limits.FORM_FIELDS)
            @Size(max = Limits.FORM_FIELDS) Map<String, Object> fields) {
    }

    @Schema(description = "The fields make a valid face of the type")
    record FieldCheckResponse(@Schema(maxLength = TYPE_CODE_LENGTH, pattern = TYPE_CODE) String typeCode,
            @Schema(description = "Always true: fields that do not fit are a 400") boolean fits) {
    }

    /**
     * Whether these fields make a valid face of the type, by the same rule that issuing from {@code case.approved}
     * applies: 200 when they do, else 400 {@code INVALID_LICENSE_FIELDS} naming every missing or malformed field.
     * Public like the rest of the catalogue: it answers from the published schema only, stores and logs nothing.
     */
    @Operation(summary = "Check a form against a licence type's face", description = """
            By the same rule as issuing from a case approval: fields the type does not have are ignored; a missing \
            or malformed field is a 400 `INVALID_LICENSE_FIELDS` naming each in `errors[]`. Stores and logs \
            nothing. Unknown type: 404.""")
    @PostMapping("/{code}/check")
    FieldCheckResponse check(@PathVariable @Size(max = TYPE_CODE_LENGTH)
            @Pattern(regexp = TYPE_CODE, message = "a licence type code") String code,
            @Valid @RequestBody FieldCheckRequest request) {
        LicenseType type = types.find(code).orElseThrow(() -> DomainException.notFound("licence type", code));
        type.validate(request.fields(), false);
        return new FieldCheckResponse(type.code(), true);
    }
}
