package dev.onewindow.catalog.department.web;

import java.util.List;

import dev.onewindow.catalog.department.Department;
import dev.onewindow.catalog.department.DepartmentRepository;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Departments: public reads; only a catalog admin registers one. */
@RestController
@RequestMapping("/api/v1/catalog/departments")
class DepartmentController {

    private final DepartmentRepository departments;

    DepartmentController(DepartmentRepository departments) {
        this.departments = departments;
    }

    record RegisterDepartmentRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}", message = "2-20 upper-case letters or digits") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "a 6-digit region code") String region) {
    }

    record DepartmentResponse(String code, String name, String region) {
        static DepartmentResponse of(Department department) {
            return new DepartmentResponse(department.code(), department.name(), department.region());
        }
    }

    /** Anyone may list departments, optionally of one region. */
    @GetMapping
    List<DepartmentResponse> list(@RequestParam(required = false) @Pattern(regexp = "\\d{6}") String region) {
        List<Department> found = region == null ? departments.findAllByOrderByCode()
                : departments.findByRegionOrderByCode(region);
        return found.stream().map(DepartmentResponse::of).toList();
    }

    /** The calling staff member's own department (from the token's {@code dept} claim). */
    @GetMapping("/mine")
    DepartmentResponse mine(Caller caller) {
        if (caller.dept() == null) {
            throw ApiException.notFound("department of", caller.username());
        }
        return departments.findById(caller.dept()).map(DepartmentResponse::of)
                .orElseThrow(() -> ApiException.notFound("department", caller.dept()));
    }

    @GetMapping("/{code}")
    DepartmentResponse get(@PathVariable String code) {
        return departments.findById(code).map(DepartmentResponse::of)
                .orElseThrow(() -> ApiException.notFound("department", code));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('catalog-admin')")
    DepartmentResponse register(@Valid @RequestBody RegisterDepartmentRequest request) {
        try {
            return DepartmentResponse.of(departments.insert(new Department(request.code(), request.name(),
                    request.region())));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("DEPARTMENT_EXISTS", "department " + request.code() + " already exists");
        }
    }
}
