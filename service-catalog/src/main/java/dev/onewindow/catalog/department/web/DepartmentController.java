package dev.onewindow.catalog.department.web;

import java.util.List;

import dev.onewindow.catalog.department.Department;
import dev.onewindow.catalog.department.DepartmentRepository;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
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
@Tag(name = "Departments", description = "Government departments (部门): the master data every service refers to by "
        + "department code. Public; catalog admins register them.")
class DepartmentController {

    private final DepartmentRepository departments;

    DepartmentController(DepartmentRepository departments) {
        this.departments = departments;
    }

    record RegisterDepartmentRequest(
            @NotBlank @Size(max = Codes.DEPARTMENT_MAX)
            @Pattern(regexp = Codes.DEPARTMENT, message = "2-20 upper-case letters or digits") String code,
            @NotBlank @Size(max = Limits.SHORT_NAME) String name,
            @NotBlank @Size(max = Codes.REGION_LENGTH)
            @Pattern(regexp = Codes.REGION, message = "a 6-digit region code") String region) {
    }

    @Schema(description = "A department and the region it serves.")
    record DepartmentResponse(
            @Schema(maxLength = Codes.DEPARTMENT_MAX, pattern = Codes.DEPARTMENT) String code,
            @Schema(maxLength = Limits.SHORT_NAME) String name,
            @Schema(maxLength = Codes.REGION_LENGTH, pattern = Codes.REGION) String region) {
        static DepartmentResponse of(Department department) {
            return new DepartmentResponse(department.code(), department.name(), department.region());
        }
    }

    @Operation(summary = "List departments",
            description = "In code order, optionally of one region; at most " + Limits.DEPARTMENTS + ".")
    @ApiResponse(responseCode = "200", description = "The departments", content = @Content(
            mediaType = "application/json", array = @ArraySchema(maxItems = Limits.DEPARTMENTS,
                    schema = @Schema(implementation = DepartmentResponse.class))))
    @GetMapping
    List<DepartmentResponse> list(@RequestParam(required = false) @Parameter(description = "Only this region's")
            @Size(max = Codes.REGION_LENGTH) @Pattern(regexp = Codes.REGION) String region) {
        Limit limit = Limit.of(Limits.DEPARTMENTS);
        List<Department> found = region == null ? departments.findAllByOrderByCode(limit)
                : departments.findByRegionOrderByCode(region, limit);
        return found.stream().map(DepartmentResponse::of).toList();
    }

    @Operation(summary = "Read the caller's own department",
            description = "The department of the token's `dept` claim (staff); 404 for a caller without one.")
    @GetMapping("/mine")
    DepartmentResponse mine(Caller caller) {
        if (caller.dept() == null) {
            throw DomainException.notFound("department of", caller.username());
        }
        return departments.findById(caller.dept()).map(DepartmentResponse::of)
                .orElseThrow(() -> DomainException.notFound("department", caller.dept()));
    }

    @Operation(summary = "Read a department")
    @GetMapping("/{code}")
    DepartmentResponse get(@PathVariable @Parameter(description = "Department code")
            @Size(max = Codes.DEPARTMENT_MAX) @Pattern(regexp = Codes.DEPARTMENT) String code) {
        return departments.findById(code).map(DepartmentResponse::of)
                .orElseThrow(() -> DomainException.notFound("department", code));
    }

    @Operation(summary = "Register a department", description = "409 `DEPARTMENT_EXISTS` for a code in use.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('catalog-admin')")
    DepartmentResponse register(@Valid @RequestBody RegisterDepartmentRequest request) {
        try {
            return DepartmentResponse.of(departments.insert(new Department(request.code(), request.name(),
                    request.region())));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("DEPARTMENT_EXISTS", "department " + request.code() + " already exists");
        }
    }
}
