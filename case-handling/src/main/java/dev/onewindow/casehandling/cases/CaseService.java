package dev.onewindow.casehandling.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.onewindow.casehandling.clients.elicense.LicenseRedemption;
import dev.onewindow.casehandling.clients.elicense.RedeemResponse.RedeemedLicense;
import dev.onewindow.casehandling.files.FileStore;
import dev.onewindow.casehandling.files.StoredFile;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Commands on existing cases and the reads. Loading applies the caller's scope first — staff act only on cases of
 * their own department, applicants only on their own — and a case outside it is a 404, indistinguishable from a
 * missing one. Then the aggregate applies its rules and one optimistically locked save stores state and event; two
 * people acting on one case at once cannot both win (409).
 */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);
    private static final List<String> STAFF = List.of(Roles.WINDOW_OFFICER, Roles.REVIEWER, Roles.APPROVER,
            Roles.DEPT_ADMIN);

    private final CaseRepository cases;
    private final CaseQueries queries;
    private final CaseRulesSource rules;
    private final LookupHasher hasher;
    private final FileStore files;
    private final LicenseRedemption licenses;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseQueries queries, CaseRulesSource rules, LookupHasher hasher, FileStore files,
            LicenseRedemption licenses, Clock clock) {
        this.cases = cases;
        this.queries = queries;
        this.rules = rules;
        this.hasher = hasher;
        this.files = files;
        this.licenses = licenses;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ staff

    public CaseView accept(String id, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.accept(actor(caller), rules, now));
    }

    public CaseView reject(String id, String reason, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.reject(actor(caller), reason, rules, now));
    }

    public CaseView requestSupplement(String id, List<SupplementRequest.Item> items, String comment, Caller caller) {
        return staffCommand(id, caller,
                (c, rules, now) -> c.requestSupplement(actor(caller), items, comment, rules, now));
    }

    public CaseView startReview(String id, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.startReview(actor(caller), rules, now));
    }

    public CaseView suspend(String id, String procedure, String reason, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.suspend(actor(caller), procedure, reason, rules, now));
    }

    public CaseView resume(String id, String comment, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.resume(actor(caller), comment, rules, now));
    }

    public CaseView extend(String id, int workingDays, String reason, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.extend(actor(caller), workingDays, reason, rules, now));
    }

    public CaseView approve(String id, String comment, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.approve(actor(caller), comment, rules, now));
    }

    public CaseView deny(String id, String reason, String remedy, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.deny(actor(caller), reason, remedy, rules, now));
    }

    // ------------------------------------------------------------------------------------------------ applicant

    /** 补正 by the applicant: new materials (uploads or e-license authorizations) and form changes. */
    public CaseView supplement(String id, List<Application.MaterialReference> supplied, Map<String, Object> form,
            String comment, Caller caller) {
        Case c = applicantCase(id, caller);
        requireNotBundle(c);
        if (c.status() != CaseStatus.SUPPLEMENT_REQUIRED) {
            throw ApiException.illegalState(c.status(), "supplement");
        }
        Instant now = clock.instant();
        List<Material> materials = new ArrayList<>();
        for (Application.MaterialReference reference : supplied) {
            materials.add(material(c, reference, caller, now));
        }
        c.supplement(actor(caller), materials, form, comment, rules.current(), now);
        return view(cases.save(c), now);
    }

    public CaseView withdraw(String id, String reason, Caller caller) {
        Case c = applicantCase(id, caller);
        requireNotBundle(c);
        Instant now = clock.instant();
        c.withdraw(actor(caller), reason, rules.current(), now);
        return view(cases.save(c), now);
    }

    private Material material(Case c, Application.MaterialReference reference, Caller caller, Instant now) {
        EntrySnapshot.Material asked = c.entry().material(reference.code())
                .orElseThrow(() -> ApiException.badRequest("UNKNOWN_MATERIAL", "material " + reference.code()
                        + " is not asked for by this entry"));
        boolean isFile = reference.fileId() != null && !reference.fileId().isBlank();
        boolean isLicense = reference.licenseAuthorization() != null && !reference.licenseAuthorization().isBlank();
        if (isFile == isLicense) {
            throw ApiException.badRequest("INVALID_MATERIAL", "material " + reference.code()
                    + " needs exactly one of fileId and licenseAuthorization");
        }
        if (isFile) {
            StoredFile file = files.find(reference.fileId()).filter(f -> f.ownedBy(caller.subject()))
                    .orElseThrow(() -> ApiException.badRequest("UNKNOWN_FILE", "file " + reference.fileId()
                            + " was not uploaded by you"));
            return Material.file(reference.code(), file.id(), file.name(), file.contentType(), file.size(), now);
        }
        List<RedeemedLicense> redeemed = licenses.redeem(reference.licenseAuthorization(), c.departmentCode(),
                c.id());
        if (asked.acceptedLicenseTypes().isEmpty()) {
            throw ApiException.badRequest("LICENSE_NOT_ACCEPTED", "material " + reference.code()
                    + " cannot be replaced by an e-license; upload a copy");
        }
        RedeemedLicense license = redeemed.stream().filter(l -> asked.acceptedLicenseTypes().contains(l.typeCode())
                && l.holderRef() != null && l.holderRef().equals(c.applicant().holderRef()) && l.usable()).findFirst()
                .orElseThrow(() -> ApiException.badRequest("LICENSE_NOT_VALID",
                        "the authorization gives no valid e-license of the applicant; upload a copy instead"));
        return Material.license(reference.code(), license.licenseId(), license.typeCode(), license.status(),
                license.signatureValid(), license.validUntil(), now);
    }

    // ------------------------------------------------------------------------------------------------ events

    /**
     * 办结 on e-license's {@code license.issued} (idempotent). Returns false when there was nothing to do: an
     * unknown case (a license issued through e-license's API for no case) or the same license again.
     */
    public boolean completeWithLicense(String caseId, String licenseId) {
        return retryingOnConflict(() -> {
            Optional<Case> found = cases.findById(caseId);
            if (found.isEmpty()) {
                log.info("license {} names case {} which is not ours; ignored", licenseId, caseId);
                return false;
            }
            Case c = found.get();
            if (!c.completeWithLicense(licenseId, rules.current(), clock.instant())) {
                return false;
            }
            cases.save(c);
            return true;
        });
    }

    /** A bundle member's event reached its parent (see {@code BundleProgressListener}). */
    public boolean recordMemberProgress(String parentId, String childId, CaseStatus childStatus, long sequence) {
        return retryingOnConflict(() -> {
            Case parent = cases.findById(parentId).orElseThrow(() -> new IllegalStateException(
                    "bundle parent " + parentId + " of " + childId + " is not stored (yet)"));
            if (!parent.recordMemberProgress(childId, childStatus, sequence, rules.current(), clock.instant())) {
                return false;
            }
            cases.save(parent);
            return true;
        });
    }

    private static boolean retryingOnConflict(java.util.function.Supplier<Boolean> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** A case the caller may see: own department (staff), own case (applicant, submitting partner); else 404. */
    public CaseView get(String id, Caller caller) {
        Case c = cases.findById(id).filter(found -> visible(found, caller))
                .orElseThrow(() -> ApiException.notFound("case", id));
        return view(c, clock.instant());
    }

    public Page<CaseView> mine(Caller caller, PageRequest page) {
        List<String> refs = callerRefs(caller);
        Instant now = clock.instant();
        if (refs.isEmpty()) {
            return Page.empty(page);
        }
        return queries.ofApplicant(refs, page).map(c -> view(c, now));
    }

    public Page<CaseView> worklist(Caller caller, CaseStatus status, ClockLevel level, PageRequest page) {
        if (caller.dept() == null || caller.dept().isBlank()) {
            throw ApiException.forbidden("your login names no department");
        }
        Instant now = clock.instant();
        return queries.worklist(caller.dept(), status, level, now, page).map(c -> view(c, now));
    }

    private boolean visible(Case c, Caller caller) {
        if (caller.inDepartment(c.departmentCode()) && STAFF.stream().anyMatch(caller::hasRole)) {
            return true;
        }
        if (caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        if (caller.hasRole(Roles.SUPERVISOR) && caller.region() != null && caller.region().equals(c.regionCode())) {
            return true;
        }
        if (caller.hasRole(Roles.PARTNER) && caller.clientId() != null
                && caller.clientId().equals(c.submittedByClient())) {
            return true;
        }
        return c.hasApplicant(callerRefs(caller));
    }

    /**
     * The look-up references a caller is known by as an applicant: the hash of the ID number the identity provider
     * vouches for, and for an enterprise agent the hash of the enterprise's USCC. Invalid claims give nothing.
     */
    List<String> callerRefs(Caller caller) {
        List<String> refs = new ArrayList<>();
        if (caller.idNumber() != null && ResidentIdNumber.isValid(caller.idNumber())) {
            refs.add(hasher.hashIdNumber(caller.idNumber()));
        }
        if (caller.hasRole(Roles.ENTERPRISE) && caller.uscc() != null
                && UnifiedSocialCreditCode.isValid(caller.uscc())) {
            refs.add(hasher.hash(UnifiedSocialCreditCode.of(caller.uscc()).value()));
        }
        return refs;
    }

    public CaseView view(Case c, Instant now) {
        return new CaseView(c, ClockSnapshot.of(c.clock(), rules.current(), now), c.acceptanceOverdue(now));
    }

    public Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Command {
        void apply(Case c, CaseRules rules, Instant now);
    }

    private CaseView staffCommand(String id, Caller caller, Command command) {
        Case c = cases.findById(id).filter(found -> caller.inDepartment(found.departmentCode()))
                .orElseThrow(() -> ApiException.notFound("case", id));
        requireNotBundle(c);
        Instant now = clock.instant();
        command.apply(c, rules.current(), now);
        return view(cases.save(c), now);
    }

    private Case applicantCase(String id, Caller caller) {
        return cases.findById(id).filter(c -> c.hasApplicant(callerRefs(caller)))
                .orElseThrow(() -> ApiException.notFound("case", id));
    }

    private static void requireNotBundle(Case c) {
        if (c.kind() == CaseKind.BUNDLE) {
            throw ApiException.conflict("BUNDLE_PARENT",
                    "a bundle is handled through its member cases; act on those");
        }
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.username(), caller.roles(), caller.dept());
    }
}
