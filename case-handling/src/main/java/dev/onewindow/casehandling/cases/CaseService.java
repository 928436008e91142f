package dev.onewindow.casehandling.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.onewindow.casehandling.config.CaseHandlingProperties;

import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Commands on existing cases and the reads. Loading applies the caller's scope first — staff act only on cases of
 * their own department, applicants only on their own — and a case outside it is not found, indistinguishable from a
 * missing one. Then the aggregate applies its rules and one optimistically locked save stores state and event; two
 * people acting on one case at once cannot both win (the loser's save fails).
 */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);
    private static final List<String> STAFF = List.of(Roles.WINDOW_OFFICER, Roles.REVIEWER, Roles.APPROVER,
            Roles.DEPT_ADMIN);

    private final CaseRepository cases;
    private final CaseQueries queries;
    private final CaseRulesSource rules;
    private final Applicants applicants;
    private final MaterialResolver materials;
    private final ApplicationForms forms;
    private final PersonalForms personal;
    private final Set<String> trustedFaceReaders;
    private final Set<String> trustedContactReaders;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseQueries queries, CaseRulesSource rules, Applicants applicants,
            MaterialResolver materials, ApplicationForms forms, PersonalForms personal,
            CaseHandlingProperties properties, Clock clock) {
        this.cases = cases;
        this.queries = queries;
        this.rules = rules;
        this.applicants = applicants;
        this.materials = materials;
        this.forms = forms;
        this.personal = personal;
        this.trustedFaceReaders = Set.copyOf(properties.trustedFaceReaders());
        this.trustedContactReaders = Set.copyOf(properties.trustedContactReaders());
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ staff

    public CaseView accept(String id, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.accept(Actor.of(caller), rules, now));
    }

    public CaseView reject(String id, String reason, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.reject(Actor.of(caller), reason, rules, now));
    }

    public CaseView requestSupplement(String id, List<SupplementRequest.Item> items, String comment, Caller caller) {
        return staffCommand(id, caller,
                (c, rules, now) -> c.requestSupplement(Actor.of(caller), items, comment, rules, now));
    }

    public CaseView startReview(String id, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.startReview(Actor.of(caller), rules, now));
    }

    public CaseView suspend(String id, String procedure, String reason, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.suspend(Actor.of(caller), procedure, reason, rules, now));
    }

    public CaseView resume(String id, String comment, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.resume(Actor.of(caller), comment, rules, now));
    }

    public CaseView extend(String id, int workingDays, String reason, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.extend(Actor.of(caller), workingDays, reason, rules, now));
    }

    public CaseView approve(String id, String comment, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.approve(Actor.of(caller), comment, rules, now));
    }

    public CaseView deny(String id, String reason, String remedy, Caller caller) {
        return staffCommand(id, caller, (c, rules, now) -> c.deny(Actor.of(caller), reason, remedy, rules, now));
    }

    // ------------------------------------------------------------------------------------------------ applicant

    /**
     * 补正 by the applicant: new materials (uploads or e-license authorizations) and form changes. Everything is
     * checked before an authorization is redeemed: the case waits for a supplement, the form changes pass the same
     * check as a submission's form (alone and merged into the case's), each material is one the entry asks for and
     * accepts in that form, and every requested material is there.
     */
    public CaseView supplement(String id, List<Application.MaterialReference> supplied, Map<String, Object> form,
            String comment, Caller caller) {
        Case c = applicantCase(id, caller);
        requireNotBundle(c);
        if (c.status() != CaseStatus.SUPPLEMENT_REQUIRED) {
            throw DomainException.illegalState(c.status(), "supplement");
        }
        Map<String, Object> changes = forms.checkedChanges(personal.open(c), form);
        List<MaterialResolver.Planned> planned = materials.plan(supplied, MaterialResolver.Offered.by(c.entry()),
                caller.subject());
        c.requireSupplementCovers(MaterialResolver.codes(planned));
        Instant now = clock.instant();
        List<Material> given = materials.redeem(planned, c.departmentCode(), c.id(), c.applicantRefs(), now);
        c.supplement(Actor.of(caller), given, personal.sealChanges(c, changes), comment, rules.current(), now);
        return view(cases.save(c), caller, now);
    }

    public CaseView withdraw(String id, String reason, Caller caller) {
        Case c = applicantCase(id, caller);
        requireNotBundle(c);
        Instant now = clock.instant();
        c.withdraw(Actor.of(caller), reason, rules.current(), now);
        return view(cases.save(c), caller, now);
    }

    // ------------------------------------------------------------------------------------------------ events

    /**
     * 办结 on e-license's {@code license.issued} (idempotent). Returns false when there was nothing to do: an
     * unknown case (a license issued through e-license's API for no case) or the same license again.
     */
    public boolean completeWithLicense(String caseId, String licenseId) {
        return OptimisticRetry.run(() -> {
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

    /**
     * A bundle member's event reached its parent. A parent not stored yet (members are stored first) is
     * unavailable for now: the event is tried again.
     */
    public boolean recordMemberProgress(String parentId, String childId, CaseStatus childStatus, long sequence) {
        return OptimisticRetry.run(() -> {
            Case parent = cases.findById(parentId).orElseThrow(() -> DomainException.unavailable(
                    "BUNDLE_PARENT_NOT_STORED",
                    "bundle parent " + parentId + " of " + childId + " is not stored (yet)"));
            if (!parent.recordMemberProgress(childId, childStatus, sequence, rules.current(), clock.instant())) {
                return false;
            }
            cases.save(parent);
            return true;
        });
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * A case the caller may see: own department (staff), own case (applicant, submitting partner), any (auditor), its
     * region or a region above it (supervisor); else not found.
     */
    public CaseView get(String id, Caller caller) {
        Case c = cases.findById(id).filter(found -> visible(found, caller))
                .orElseThrow(() -> DomainException.notFound("case", id));
        return view(c, caller, clock.instant());
    }

    /**
     * The licence face of a case with its personal fields in clear, for the service that issues the licence
     * (e-license's service account: a client in {@code trusted-face-readers}) and nobody else: anyone else, a case
     * that is not approved (or completed), or one whose result is no licence, is not found.
     */
    public LicenseFace licenseFace(String id, Caller caller) {
        if (caller.clientId() == null || !trustedFaceReaders.contains(caller.clientId())) {
            throw DomainException.notFound("case", id);
        }
        Case c = cases.findById(id)
                .filter(found -> found.status() == CaseStatus.APPROVED || found.status() == CaseStatus.COMPLETED)
                .filter(found -> found.entry() != null && found.entry().resultIsLicense())
                .orElseThrow(() -> DomainException.notFound("case", id));
        Map<String, Object> face = c.licenseFace(personal.open(c));
        // who read which case's face, never what it says (个人信息保护法 §51: a record of the processing)
        log.info("licence face of case {} ({} fields, {} personal) read by {}", c.id(), face.size(),
                c.personalLicenseFields().size(), caller.clientId());
        return new LicenseFace(c.id(), face);
    }

    /** A case's licence face: every face field with its value (personal ones decrypted). */
    public record LicenseFace(String caseId, Map<String, Object> fields) {
    }

    /**
     * The applicant's contact number in clear, for the service that has the applicant called back about a rating
     * (evaluation's service account: a client in {@code trusted-contact-readers}) and nobody else: anyone else, or a
     * case that was never accepted or decided (so never rated: submitted, withdrawn), is not found. Each read is
     * logged as which case, by which client — never the number.
     */
    public ApplicantContact applicantContact(String id, Caller caller) {
        if (caller.clientId() == null || !trustedContactReaders.contains(caller.clientId())) {
            throw DomainException.notFound("case", id);
        }
        Case c = cases.findById(id)
                .filter(found -> found.status() != CaseStatus.SUBMITTED && found.status() != CaseStatus.WITHDRAWN)
                .orElseThrow(() -> DomainException.notFound("case", id));
        String mobile = applicants.openMobile(c.applicant());
        log.info("applicant contact of case {} ({}) read by {}", c.id(), mobile == null ? "none on file" : "given",
                caller.clientId());
        return new ApplicantContact(c.id(), mobile);
    }

    /** The applicant's contact number of a case, or null when the applicant left none. */
    public record ApplicantContact(String caseId, String mobile) {
    }

    public Page<CaseView> mine(Caller caller, PageRequest page) {
        List<String> refs = applicants.refsOf(caller);
        Instant now = clock.instant();
        if (refs.isEmpty()) {
            return Page.empty(page);
        }
        return queries.ofApplicant(refs, page).map(c -> summary(c, now));
    }

    public Page<CaseView> worklist(Caller caller, CaseStatus status, ClockLevel level, PageRequest page) {
        if (caller.dept() == null || caller.dept().isBlank()) {
            throw DomainException.notAllowed("your login names no department");
        }
        Instant now = clock.instant();
        return queries.worklist(caller.dept(), status, level, now, page).map(c -> summary(c, now));
    }

    private boolean visible(Case c, Caller caller) {
        if (caller.inDepartment(c.departmentCode()) && STAFF.stream().anyMatch(caller::hasRole)) {
            return true;
        }
        if (caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        // a supervisor's region covers the regions below it: a city's supervisor sees its districts' cases
        if (caller.hasRole(Roles.SUPERVISOR) && caller.inRegion(c.regionCode())) {
            return true;
        }
        if (caller.hasRole(Roles.PARTNER) && caller.clientId() != null
                && caller.clientId().equals(c.submittedByClient())) {
            return true;
        }
        return c.hasApplicant(applicants.refsOf(caller));
    }

    private CaseView view(Case c, Caller caller, Instant now) {
        return CaseView.of(c, rules.current(), now, readsInFull(c, caller) ? personal.open(c) : personal.masked(c));
    }

    /** A line of a list: no form (lists show none), so nothing is decrypted. */
    private CaseView summary(Case c, Instant now) {
        return CaseView.of(c, rules.current(), now, null);
    }

    /**
     * Whether {@code caller} sees a case's personal form fields in full: only the officers who handle it (window
     * officers, reviewers and approvers of its department); the applicant, supervisors, auditors, partners and
     * department admins see them masked.
     */
    static boolean readsInFull(Case c, Caller caller) {
        return caller.inDepartment(c.departmentCode())
                && caller.hasAnyRole(Roles.WINDOW_OFFICER, Roles.REVIEWER, Roles.APPROVER);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Command {
        void apply(Case c, CaseRules rules, Instant now);
    }

    private CaseView staffCommand(String id, Caller caller, Command command) {
        Case c = cases.findById(id).filter(found -> caller.inDepartment(found.departmentCode()))
                .orElseThrow(() -> DomainException.notFound("case", id));
        requireNotBundle(c);
        Instant now = clock.instant();
        command.apply(c, rules.current(), now);
        return view(cases.save(c), caller, now);
    }

    private Case applicantCase(String id, Caller caller) {
        return cases.findById(id).filter(c -> c.hasApplicant(applicants.refsOf(caller)))
                .orElseThrow(() -> DomainException.notFound("case", id));
    }

    private static void requireNotBundle(Case c) {
        if (c.kind() == CaseKind.BUNDLE) {
            throw DomainException.conflict("BUNDLE_PARENT",
                    "a bundle is handled through its member cases; act on those");
        }
    }

}
