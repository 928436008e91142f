package dev.onewindow.elicense.licensetype.web;

import java.util.List;

import dev.onewindow.elicense.licensetype.FieldSpec;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.platform.problem.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The licence catalogue (public): which licence types exist, who issues them, their fields and validity. Issuing
 * systems (and case-handling, which copies form fields named by a type's schema) read it from here.
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
                .orElseThrow(() -> ApiException.notFound("licence type", code));
    }
}
