package dev.onewindow.elicense.licensetype.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.licensetype.FieldSpec;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The licence catalogue (public): which licence types exist, who issues them, their fields and validity. Issuing
 * systems (and case-handling, which copies form fields named by a type's schema) read it from here, and case-handling
 * checks an application's form against the face a licence will print before it accepts the application.
 */
@RestController
@RequestMapping("/api/v1/licenses/types")
class LicenseTypeController {

    private final LicenseTypes types;

    LicenseTypeController(LicenseTypes types) {
        this.types = types;
    }

    record FieldResponse(String name, String label, String type, boolean required, boolean personal,
            List<String> allowedValues) {
        static FieldResponse of(FieldSpec f) {
            return new FieldResponse(f.name(), f.label(), f.type().name(), f.required(), f.personal(),
                    f.allowedValues());
        }
    }

    /** {@code validity}: ISO-8601 period ({@code P5Y}) or {@code null} when licences of the type never expire. */
    record LicenseTypeResponse(String code, String name, List<String> issuingDepartments, String validity,
            boolean permanent,
            List<FieldResponse> fields) {
        static LicenseTypeResponse of(LicenseType t) {
            return new LicenseTypeResponse(t.code(), t.name(), t.issuingDepartments(), t.validity(), t.permanent(),
                    t.fields().stream().map(FieldResponse::of).toList());
        }
    }

    @GetMapping
    List<LicenseTypeResponse> list() {
        return types.all().stream().map(LicenseTypeResponse::of).toList();
    }

    @GetMapping("/{code}")
    LicenseTypeResponse get(@PathVariable String code) {
        return types.find(code).map(LicenseTypeResponse::of)
                .orElseThrow(() -> DomainException.notFound("licence type", code));
    }

    /** Face fields to check; fields the type does not have are ignored, as issuing from a case approval does. */
    record FieldCheckRequest(Map<String, Object> fields) {
    }

    record FieldCheckResponse(String typeCode, boolean fits) {
    }

    /**
     * Whether these fields make a valid face of the type, by the same rule that issuing from {@code case.approved}
     * applies: 200 when they do, else 400 {@code INVALID_LICENSE_FIELDS} naming every missing or malformed field.
     * Public like the rest of the catalogue: it answers from the published schema only, stores and logs nothing.
     */
    @PostMapping("/{code}/check")
    FieldCheckResponse check(@PathVariable String code, @RequestBody FieldCheckRequest request) {
        LicenseType type = types.find(code).orElseThrow(() -> DomainException.notFound("licence type", code));
        type.validate(request.fields(), false);
        return new FieldCheckResponse(type.code(), true);
    }
}
