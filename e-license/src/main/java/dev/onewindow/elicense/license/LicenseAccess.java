package dev.onewindow.elicense.license;

import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may issue and manage a department's licences: its approvers and department administrators, or a trusted
 * issuing system ({@code onewindow.elicense.trusted-issuers}, by token {@code azp}). Staff of another department do
 * not see the department's licences at all (not found), as for every other record.
 */
@Component
public class LicenseAccess {

    private static final String[] MANAGING_ROLES = {Roles.APPROVER, Roles.DEPT_ADMIN};
    private static final String[] STAFF_ROLES = {Roles.WINDOW_OFFICER, Roles.REVIEWER, Roles.APPROVER,
            Roles.DEPT_ADMIN, Roles.DEPT_HANDLER};

    private final ELicenseProperties properties;

    public LicenseAccess(ELicenseProperties properties) {
        this.properties = properties;
    }

    public boolean trustedIssuer(Caller caller) {
        return caller.clientId() != null && properties.trustedIssuers().contains(caller.clientId());
    }

    /**
     * The department a caller issues a licence of {@code type} for: their own (it must be one of the type's issuers),
     * or for a trusted issuing system the one it names (default the type's primary issuer). Not allowed otherwise
     * (licence types and their issuers are public, so saying so discloses nothing).
     */
    public String requireMayIssue(Caller caller, LicenseType type, String requestedDepartment) {
        if (trustedIssuer(caller)) {
            return requestedDepartment != null ? requestedDepartment : type.primaryDepartment();
        }
        if (!caller.hasAnyRole(MANAGING_ROLES) || caller.dept() == null || !type.issuedBy(caller.dept())
                || (requestedDepartment != null && !requestedDepartment.equals(caller.dept()))) {
            throw DomainException.notAllowed("only an approver or department administrator of "
                    + type.issuingDepartments() + " may issue " + type.code() + ", for their own department");
        }
        return caller.dept();
    }

    /**
     * Suspending, reinstating, revoking or reissuing: not allowed without a managing role, not found for another
     * department.
     */
    void requireMayManage(Caller caller, License license) {
        if (trustedIssuer(caller)) {
            return;
        }
        if (!caller.hasAnyRole(MANAGING_ROLES)) {
            throw DomainException.notAllowed("only an approver or department administrator may change a licence");
        }
        if (!caller.inDepartment(license.issuerDepartment())) {
            throw DomainException.notFound("licence", license.id());
        }
    }

    /** Staff of the issuing department see a licence's record (not its face). */
    boolean mayAdminister(Caller caller, License license) {
        return trustedIssuer(caller) || (caller.hasAnyRole(STAFF_ROLES)
                && caller.inDepartment(license.issuerDepartment()));
    }
}
