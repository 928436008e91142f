package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.Pause;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.security.Roles;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case (办件; docs/domain.md, case-handling): one application for one catalog entry version, or the parent of a
 * 一件事 bundle.
 *
 * <p>The aggregate owns its rules: each command checks the current state and the actor's role, changes state, writes
 * the history and registers its event, and one optimistically locked save stores it all. The deadline clock is the
 * platform {@link WorkClock} stored inside the document; {@code dueAt}, {@code yellowAt} and {@code pausedLevel} are
 * a copy of what it derives ({@link DeadlineLevels}), refreshed on every command, so the department worklist can
 * filter and sort by clock level through an index instead of computing every clock.
 */
@Document("cases")
@CompoundIndex(name = "worklist", def = "{'departmentCode': 1, 'status': 1, 'dueAt': 1, 'submittedAt': 1}")
@CompoundIndex(name = "mine", def = "{'applicantRefs': 1, 'submittedAt': -1}")
@CompoundIndex(name = "acceptance_window", def = "{'status': 1, 'acceptanceOverdue': 1, 'acceptanceDueAt': 1}")
public class Case extends AggregateRoot {

    private static final Set<CaseStatus> EXTENDABLE = Set.of(CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW,
            CaseStatus.SUSPENDED, CaseStatus.SUPPLEMENT_REQUIRED);
    /** What a reviewer does during review (a supplement requested from {@code IN_REVIEW} too). */
    private static final Set<String> REVIEW_ACTIONS = Set.of("START_REVIEW", "SUSPEND", "RESUME");

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String caseNo;
    private final CaseKind kind;
    private final String parentCaseId;
    private final String bundleCode;
    private final String bundleName;
    private final EntrySnapshot entry;
    private final String departmentCode;
    private final String region;
    private final Channel channel;
    private final Applicant applicant;
    /** Look-up references of everyone who may act as the applicant (see {@code CaseService#callerRefs}). */
    private final List<String> applicantRefs;
    private final String submittedBySubject;
    private final String submittedByClient;
    /** The form's fields that are not personal, in clear. */
    private Map<String, Object> formData;
    /** The form's personal fields, each encrypted on its own ({@link PersonalForms}); never in clear. */
    private Map<String, SealedValue> personalForm;
    /** Every field name that is personal for this case, decided at submission (and by what supplements bring). */
    private List<String> personalFields;
    /** The face fields of the licence the case results in, as e-license told them at submission; null if unknown. */
    private List<String> licenseFaceFields;
    private List<Material> materials;
    private CaseStatus status;
    private SupplementRequest supplementRequest;
    private WorkClock clock;
    private final Instant submittedAt;
    private Instant acceptanceDueAt;
    private boolean acceptanceOverdue;
    /**
     * When the materials arrived (行政许可法 §32): the submission, or the supplement that restarted the acceptance
     * window; a late acceptance counts from then ({@code deemedAcceptedAt}). Null in cases stored before it existed:
     * the submission then.
     */
    private Instant materialsArrivedAt;
    /**
     * The applicant's time answering a supplement request made after the acceptance window: not counted once the
     * case is deemed accepted from the arrival of its materials.
     */
    private List<Pause> lateSupplementPauses;
    private Instant acceptedAt;
    /** Set when the case was accepted after the window: it counts as accepted from then (行政许可法 §32). */
    private Instant deemedAcceptedAt;
    private Decision decision;
    private String rejectionReason;
    private String withdrawalReason;
    private Instant completedAt;
    private String licenseId;
    private AutoApprovalOutcome autoApproval;
    private List<BundleChild> children;
    private List<HistoryEntry> history;
    // copies of the clock's derived instants, for the worklist index (see class comment)
    private Instant dueAt;
    private Instant yellowAt;
    private ClockLevel pausedLevel;

    @PersistenceCreator
    Case(String id, String caseNo, CaseKind kind, String parentCaseId, String bundleCode, String bundleName,
            EntrySnapshot entry, String departmentCode, String region, Channel channel, Applicant applicant,
            List<String> applicantRefs, String submittedBySubject, String submittedByClient,
            Map<String, Object> formData, List<Material> materials, CaseStatus status, Instant submittedAt) {
        this.id = id;
        this.caseNo = caseNo;
        this.kind = kind;
        this.parentCaseId = parentCaseId;
        this.bundleCode = bundleCode;
        this.bundleName = bundleName;
        this.entry = entry;
        this.departmentCode = departmentCode;
        this.region = region;
        this.channel = channel;
        this.applicant = applicant;
        this.applicantRefs = applicantRefs == null ? List.of() : List.copyOf(applicantRefs);
        this.submittedBySubject = submittedBySubject;
        this.submittedByClient = submittedByClient;
        this.formData = formData == null ? new LinkedHashMap<>() : new LinkedHashMap<>(formData);
        this.materials = materials == null ? new ArrayList<>() : new ArrayList<>(materials);
        this.status = status;
        this.submittedAt = submittedAt;
        this.children = new ArrayList<>();
        this.history = new ArrayList<>();
        this.lateSupplementPauses = new ArrayList<>();
        this.personalForm = new LinkedHashMap<>();
        this.personalFields = new ArrayList<>();
    }

    /**
     * What a new case is made of; the service assembles it from the request, the token and the catalog. The form
     * comes sealed: its personal fields encrypted ({@link PersonalForms}). {@code licenseFaceFields} are the face
     * fields of the licence the case results in, when e-license told them.
     */
    public record Draft(String id, String caseNo, CaseKind kind, String parentCaseId, String bundleCode,
            String bundleName, EntrySnapshot entry, String departmentCode, String region, Channel channel,
            Applicant applicant, List<String> applicantRefs, String submittedBySubject, String submittedByClient,
            SealedForm form, List<String> licenseFaceFields, List<Material> materials) {

        /** A draft whose form has nothing personal in it (tests, benchmarks). */
        public Draft(String id, String caseNo, CaseKind kind, String parentCaseId, String bundleCode,
                String bundleName, EntrySnapshot entry, String departmentCode, String region, Channel channel,
                Applicant applicant, List<String> applicantRefs, String submittedBySubject, String submittedByClient,
                Map<String, Object> formData, List<Material> materials) {
            this(id, caseNo, kind, parentCaseId, bundleCode, bundleName, entry, departmentCode, region, channel,
                    applicant, applicantRefs, submittedBySubject, submittedByClient, SealedForm.plain(formData), null,
                    materials);
        }
    }

    // ------------------------------------------------------------------------------------------------ creation

    /**
     * 申报: a new case in {@code SUBMITTED}. With a 秒批 outcome that passed, the same save also accepts, approves and
     * (for a document result) completes it without a person; a failed outcome is recorded and the case goes the
     * manual way.
     */
    public static Case submit(Draft draft, Actor submitter, String submitterRole, AutoApprovalOutcome autoApproval,
            CaseRules rules, Instant now) {
        Case c = new Case(draft.id(), draft.caseNo(), draft.kind(), draft.parentCaseId(), draft.bundleCode(),
                draft.bundleName(), draft.entry(), draft.departmentCode(), draft.region(), draft.channel(),
                draft.applicant(), draft.applicantRefs(), draft.submittedBySubject(), draft.submittedByClient(),
                draft.form().clear(), draft.materials(), CaseStatus.SUBMITTED, now);
        c.takePersonal(draft);
        c.acceptanceDueAt = acceptanceDue(rules, now);
        c.materialsArrivedAt = now;
        c.autoApproval = autoApproval;
        c.record(now, submitter, submitterRole, "SUBMIT", null, CaseStatus.SUBMITTED, null);
        c.registerEvent("case.submitted", new CaseSubmitted(c.facts(rules, now),
                c.entry == null ? c.bundleName : c.entry.name(), now, c.acceptanceDueAt,
                c.materials.stream().map(Material::code).toList(), autoApproval), now);
        if (autoApproval != null && autoApproval.passed()) {
            c.approveAutomatically(rules, now);
        }
        return c;
    }

    /** The parent of a 一件事 bundle: it has no clock of its own and summarises its members. */
    public static Case openBundle(Draft draft, List<BundleChild> children, Actor submitter, String submitterRole,
            CaseRules rules, Instant now) {
        Case parent = new Case(draft.id(), draft.caseNo(), CaseKind.BUNDLE, null, draft.bundleCode(),
                draft.bundleName(), null, draft.departmentCode(), draft.region(), draft.channel(), draft.applicant(),
                draft.applicantRefs(), draft.submittedBySubject(), draft.submittedByClient(), draft.form().clear(),
                draft.materials(), CaseStatus.SUBMITTED, now);
        parent.takePersonal(draft);
        parent.children = new ArrayList<>(children);
        parent.record(now, submitter, submitterRole, "SUBMIT", null, CaseStatus.SUBMITTED,
                children.size() + " member cases");
        parent.registerEvent("case.submitted", new CaseSubmitted(parent.facts(rules, now), draft.bundleName(), now,
                null, parent.materials.stream().map(Material::code).toList(), null), now);
        parent.summarise(rules, now);
        return parent;
    }

    // ------------------------------------------------------------------------------------------------ acceptance

    /** 受理 by a window officer: the clock starts with the entry version's promised limit. */
    public void accept(Actor officer, CaseRules rules, Instant now) {
        String role = officer.require(Roles.WINDOW_OFFICER, "accept");
        requireStatus("accept", CaseStatus.SUBMITTED);
        startClock(officer, role, "ACCEPT", false, rules, now);
    }

    /** 不予受理 with the reason the applicant is told. */
    public void reject(Actor officer, String reason, CaseRules rules, Instant now) {
        String role = officer.require(Roles.WINDOW_OFFICER, "reject");
        requireStatus("reject", CaseStatus.SUBMITTED);
        requireText(reason, "reason");
        rejectionReason = reason;
        completedAt = now;
        transition(officer, role, "REJECT", CaseStatus.REJECTED, reason, now);
        registerEvent("case.rejected", new CaseRejected(facts(rules, now), reason), now);
        // 办结 too: told within the acceptance window, or how many working days after it
        Integer late = Lateness.of(acceptanceDueAt, now, rules.calendar());
        registerEvent("case.completed", new CaseCompleted(facts(rules, now), null, late == null, CaseOutcome.REJECTED,
                late), now);
    }

    /**
     * 补正, every missing item at once: by a window officer before acceptance (the acceptance window restarts when
     * the applicant supplements), or by a reviewer during review (the clock pauses until the applicant supplements).
     */
    public void requestSupplement(Actor actor, List<SupplementRequest.Item> items, String comment, CaseRules rules,
            Instant now) {
        SupplementRequest.Phase phase;
        String role;
        if (status == CaseStatus.SUBMITTED) {
            role = actor.require(Roles.WINDOW_OFFICER, "request a supplement before acceptance for");
            phase = SupplementRequest.Phase.ACCEPTANCE;
        } else if (status == CaseStatus.IN_REVIEW) {
            role = actor.require(Roles.REVIEWER, "request a supplement during review for");
            phase = SupplementRequest.Phase.REVIEW;
        } else {
            throw DomainException.illegalState(status, "request a supplement");
        }
        long earlier = history.stream().filter(h -> "REQUEST_SUPPLEMENT".equals(h.action()) && h.from() == status)
                .count();
        if (earlier >= rules.maxSupplementRequestsPerPhase()) {
            throw DomainException.conflict("SUPPLEMENT_ALREADY_REQUESTED", "everything missing is told at once "
                    + "(一次性告知, 行政许可法 §32): " + earlier + " supplement request(s) "
                    + (phase == SupplementRequest.Phase.ACCEPTANCE ? "before acceptance" : "during review")
                    + " already made").with("phase", phase.name());
        }
        if (items == null || items.isEmpty()) {
            throw DomainException.invalid("NO_SUPPLEMENT_ITEMS", "list every missing item at once (一次性告知)");
        }
        for (SupplementRequest.Item item : items) {
            if (item.materialCode() != null && entry != null && entry.material(item.materialCode()).isEmpty()) {
                throw DomainException.invalid("UNKNOWN_MATERIAL",
                        "material " + item.materialCode() + " is not a material of this entry");
            }
        }
        if (phase == SupplementRequest.Phase.ACCEPTANCE && now.isAfter(acceptanceDueAt)) {
            // told after the window: the window was missed all the same (逾期未告知)
            acceptanceOverdue = true;
        }
        supplementRequest = new SupplementRequest(phase, items, comment, now, actor.name());
        boolean pause = phase == SupplementRequest.Phase.REVIEW;
        if (pause) {
            clock = clock.pause("补正: supplement requested", now);
        }
        transition(actor, role, "REQUEST_SUPPLEMENT", CaseStatus.SUPPLEMENT_REQUIRED, describe(items, comment), now);
        registerEvent("case.supplement-requested",
                new CaseSupplementRequested(facts(rules, now), phase, items, pause), now);
    }

    /**
     * The applicant supplies what was asked: materials (replacing earlier ones of the same code) and form fields.
     * Every requested material must be among them. Back to {@code SUBMITTED} (acceptance window restarts) or to
     * {@code IN_REVIEW} (clock resumes).
     */
    public void supplement(Actor applicantActor, List<Material> supplied, SealedForm formChanges, String comment,
            CaseRules rules, Instant now) {
        List<String> suppliedCodes = supplied.stream().map(Material::code).toList();
        requireSupplementCovers(suppliedCodes);
        materials.removeIf(m -> suppliedCodes.contains(m.code()));
        materials.addAll(supplied);
        if (formChanges != null) {
            // a field is either in clear or sealed, never both; the personal fields only grow
            formChanges.clear().forEach((name, value) -> {
                personalForm().remove(name);
                formData.put(name, value);
            });
            formChanges.sealed().forEach((name, value) -> {
                formData.remove(name);
                personalForm().put(name, value);
            });
            java.util.TreeSet<String> personal = new java.util.TreeSet<>(personalFields());
            personal.addAll(formChanges.personalFields());
            personalFields = new ArrayList<>(personal);
        }
        CaseStatus back;
        if (supplementRequest.phase() == SupplementRequest.Phase.REVIEW) {
            back = CaseStatus.IN_REVIEW;
            clock = clock.resume(now);
        } else if (rules.deemedAcceptance() && supplementRequest.requestedAt().isAfter(acceptanceDueAt)) {
            // asked only after the window had passed: the case already counts as accepted from the arrival of its
            // materials (行政许可法 §32), which a late request does not undo; the applicant's time is not counted
            back = CaseStatus.SUBMITTED;
            lateSupplementPauses.add(new Pause("补正: supplement requested after the acceptance window",
                    supplementRequest.requestedAt(), now));
        } else {
            back = CaseStatus.SUBMITTED;
            acceptanceDueAt = acceptanceDue(rules, now);
            acceptanceOverdue = false;
            // the materials are complete from now: the day they arrived, for the acceptance window and §32
            materialsArrivedAt = now;
            lateSupplementPauses.clear();
        }
        supplementRequest = null;
        transition(applicantActor, "applicant", "SUPPLEMENT", back, comment, now);
        registerEvent("case.supplemented", new CaseSupplemented(facts(rules, now), suppliedCodes), now);
    }

    /**
     * Whether a supplement of these material codes may be applied: the case waits for one, and every requested
     * material is among them. The service asks before it redeems anything; {@link #supplement} checks again.
     */
    public void requireSupplementCovers(List<String> suppliedCodes) {
        requireStatus("supplement", CaseStatus.SUPPLEMENT_REQUIRED);
        List<String> missing = supplementRequest.items().stream().map(SupplementRequest.Item::materialCode)
                .filter(Objects::nonNull).filter(code -> !suppliedCodes.contains(code)).distinct().toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("MISSING_MATERIALS",
                    "the supplement lacks requested material(s) " + String.join(", ", missing))
                    .with("missingMaterials", missing);
        }
    }

    // ------------------------------------------------------------------------------------------------ review

    /** 审查 begins. */
    public void startReview(Actor reviewer, CaseRules rules, Instant now) {
        String role = reviewer.require(Roles.REVIEWER, "start the review of");
        requireStatus("start review", CaseStatus.ACCEPTED);
        transition(reviewer, role, "START_REVIEW", CaseStatus.IN_REVIEW, null, now);
        registerEvent("case.review-started", new CaseReviewStarted(facts(rules, now), now), now);
    }

    /** 特别程序 (hearing, testing, expert review …): the clock pauses until {@link #resume}. */
    public void suspend(Actor reviewer, String procedure, String reason, CaseRules rules, Instant now) {
        String role = reviewer.require(Roles.REVIEWER, "suspend");
        requireStatus("suspend", CaseStatus.IN_REVIEW);
        requireText(procedure, "procedure");
        requireText(reason, "reason");
        clock = clock.pause("特别程序 " + procedure + ": " + reason, now);
        transition(reviewer, role, "SUSPEND", CaseStatus.SUSPENDED, procedure + ": " + reason, now);
        registerEvent("case.suspended", new CaseSuspended(facts(rules, now), procedure, reason), now);
    }

    public void resume(Actor reviewer, String comment, CaseRules rules, Instant now) {
        String role = reviewer.require(Roles.REVIEWER, "resume");
        requireStatus("resume", CaseStatus.SUSPENDED);
        clock = clock.resume(now);
        transition(reviewer, role, "RESUME", CaseStatus.IN_REVIEW, comment, now);
        registerEvent("case.resumed", new CaseResumed(facts(rules, now)), now);
    }

    // ------------------------------------------------------------------------------------------------ decision

    /** 延期 approved by an approver: once (configurable), at most the configured number of working days. */
    public void extend(Actor approver, int workingDays, String reason, CaseRules rules, Instant now) {
        String role = approver.require(Roles.APPROVER, "extend");
        if (!EXTENDABLE.contains(status) || clock == null) {
            throw DomainException.illegalState(status, "extend");
        }
        if (clock.overdue(rules.calendar(), now)) {
            // 行政许可法 §42 extends a limit a decision cannot be made within; once it has run out there is nothing
            // to extend, and an extension would only turn a red (超期) case green again
            Instant due = clock.dueAt(rules.calendar(), now);
            throw DomainException.conflict("EXTENSION_AFTER_DEADLINE", "the decision was due at " + due
                    + "; a limit that has run out cannot be extended (行政许可法 §42)").with("dueAt", due.toString());
        }
        requireText(reason, "reason");
        if (workingDays < 1 || workingDays > rules.maxExtensionWorkingDays()) {
            throw DomainException.invalid("EXTENSION_TOO_LONG", "an extension is 1 to "
                    + rules.maxExtensionWorkingDays() + " working days").with("maxWorkingDays",
                            rules.maxExtensionWorkingDays());
        }
        if (clock.extensions().size() >= rules.maxExtensions()) {
            throw DomainException.conflict("EXTENSION_LIMIT_REACHED",
                    "this case has already been extended " + clock.extensions().size() + " time(s)");
        }
        clock = clock.extend(workingDays, reason, now);
        transition(approver, role, "EXTEND", status, "+" + workingDays + " working days: " + reason, now);
        registerEvent("case.extended", new CaseExtended(facts(rules, now), workingDays, reason), now);
    }

    /**
     * 准予. With a document result the decision is the result, so the case completes in the same save; with an
     * e-license result it waits for e-license's {@code license.issued}.
     */
    public void approve(Actor approver, String comment, CaseRules rules, Instant now) {
        String role = approver.require(Roles.APPROVER, "approve");
        requireStatus("approve", CaseStatus.IN_REVIEW);
        requireSeparateFromReview(approver, "approve", rules);
        decision = new Decision(CaseStatus.APPROVED, null, null, comment, now, approver.name(), false);
        transition(approver, role, "APPROVE", CaseStatus.APPROVED, comment, now);
        registerApproved(false, rules, now);
        if (!entry.resultIsLicense()) {
            complete(approver, role, null, "result document delivered", rules, now);
        }
    }

    /**
     * 不予许可 with the reason and the remedy notice (救济途径: review or litigation); ends the handling, which is 办结
     * as much as an approval is: {@code case.completed} with the outcome follows.
     */
    public void deny(Actor approver, String reason, String remedy, CaseRules rules, Instant now) {
        String role = approver.require(Roles.APPROVER, "deny");
        requireStatus("deny", CaseStatus.IN_REVIEW);
        requireSeparateFromReview(approver, "deny", rules);
        requireText(reason, "reason");
        requireText(remedy, "remedy");
        decision = new Decision(CaseStatus.DENIED, reason, remedy, null, now, approver.name(), false);
        clock = clock.complete(now);
        completedAt = now;
        transition(approver, role, "DENY", CaseStatus.DENIED, reason, now);
        registerEvent("case.denied", new CaseDenied(facts(rules, now), reason, remedy), now);
        registerCompleted(null, CaseOutcome.DENIED, rules, now);
    }

    /**
     * 办结 on e-license's {@code license.issued} for this case. Idempotent: the same license again changes nothing
     * ({@code false}); any other state than {@code APPROVED} is a conflict the consumer logs.
     */
    public boolean completeWithLicense(String issuedLicenseId, CaseRules rules, Instant now) {
        if (status == CaseStatus.COMPLETED && Objects.equals(licenseId, issuedLicenseId)) {
            return false;
        }
        requireStatus("complete with a license", CaseStatus.APPROVED);
        if (!entry.resultIsLicense()) {
            throw DomainException.illegalState(status, "complete with a license (the result is a document)");
        }
        complete(Actor.SYSTEM, "system", issuedLicenseId, "license " + issuedLicenseId + " issued", rules, now);
        return true;
    }

    /** 撤回 by the applicant, any time before a decision. */
    public void withdraw(Actor applicantActor, String reason, CaseRules rules, Instant now) {
        if (!status.undecided()) {
            throw DomainException.illegalState(status, "withdraw");
        }
        withdrawalReason = reason;
        if (clock != null) {
            clock = clock.complete(now);
        }
        supplementRequest = null;
        transition(applicantActor, "applicant", "WITHDRAW", CaseStatus.WITHDRAWN, reason, now);
        registerEvent("case.withdrawn", new CaseWithdrawn(facts(rules, now), reason), now);
    }

    // ------------------------------------------------------------------------------------------------ bundles

    /**
     * A bundle member moved on: the parent records it (once per member event, by sequence) and re-summarises; when
     * every member has completed the parent completes. Returns whether anything changed.
     */
    public boolean recordMemberProgress(String childId, CaseStatus childStatus, long sequence, CaseRules rules,
            Instant now) {
        if (kind != CaseKind.BUNDLE) {
            throw new IllegalStateException("case " + id + " is not a bundle");
        }
        for (int i = 0; i < children.size(); i++) {
            BundleChild child = children.get(i);
            if (child.caseId().equals(childId)) {
                if (sequence <= child.lastSequence()) {
                    return false;
                }
                children.set(i, child.advancedTo(childStatus, sequence));
                summarise(rules, now);
                return true;
            }
        }
        return false;
    }

    /**
     * The parent's status is its least advanced open member's; once every member is closed it is {@code COMPLETED}
     * if all completed, else the most serious way one ended ({@code DENIED}, then {@code REJECTED}, then
     * {@code WITHDRAWN}) — the bundle as a whole was not delivered, and the members say which one failed. A parent
     * that ends with a decision completes (办结) with that outcome ({@code APPROVED} only when every member was
     * approved and delivered); one whose members were withdrawn ends with {@code case.withdrawn}.
     */
    private void summarise(CaseRules rules, Instant now) {
        CaseStatus summary = children.stream().map(BundleChild::status).filter(s -> !s.terminal())
                .min((a, b) -> Integer.compare(a.progress(), b.progress())).orElse(null);
        if (summary == null) {
            Set<CaseStatus> ends = Set.copyOf(children.stream().map(BundleChild::status).toList());
            summary = ends.equals(Set.of(CaseStatus.COMPLETED)) ? CaseStatus.COMPLETED
                    : ends.contains(CaseStatus.DENIED) ? CaseStatus.DENIED
                    : ends.contains(CaseStatus.REJECTED) ? CaseStatus.REJECTED : CaseStatus.WITHDRAWN;
        }
        if (summary == status) {
            return;
        }
        CaseStatus from = status;
        status = summary;
        record(now, Actor.SYSTEM, "system", "BUNDLE_PROGRESS", from, summary, null);
        CaseOutcome outcome = summary == CaseStatus.COMPLETED ? CaseOutcome.APPROVED
                : summary == CaseStatus.DENIED ? CaseOutcome.DENIED
                : summary == CaseStatus.REJECTED ? CaseOutcome.REJECTED : null;
        if (outcome != null) {
            completedAt = now;
            // a parent has no clock of its own: its members' completions say whether each was on time
            registerEvent("case.completed", new CaseCompleted(facts(rules, now), null, null, outcome, null), now);
        } else if (summary == CaseStatus.WITHDRAWN) {
            withdrawalReason = "every member still open was withdrawn";
            registerEvent("case.withdrawn", new CaseWithdrawn(facts(rules, now), withdrawalReason), now);
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    private void approveAutomatically(CaseRules rules, Instant now) {
        startClock(Actor.SYSTEM, "system", "ACCEPT", true, rules, now);
        decision = new Decision(CaseStatus.APPROVED, null, null, "秒批 rule set " + autoApproval.ruleSetVersion(), now,
                Actor.SYSTEM.name(), true);
        transition(Actor.SYSTEM, "system", "AUTO_APPROVE", CaseStatus.APPROVED,
                "秒批 rule set " + autoApproval.ruleSetVersion() + " passed", now);
        registerApproved(true, rules, now);
        if (!entry.resultIsLicense()) {
            complete(Actor.SYSTEM, "system", null, "result document delivered", rules, now);
        }
    }

    private void startClock(Actor actor, String role, String action, boolean automatic, CaseRules rules,
            Instant now) {
        acceptedAt = now;
        boolean late = now.isAfter(acceptanceDueAt);
        acceptanceOverdue = acceptanceOverdue || late;
        Limit limit = Limit.workingDays(entry.promisedLimitDays());
        if (late && rules.deemedAcceptance()) {
            // 逾期未告知 (行政许可法 §32): neither accepted nor sent back in time, the application counts as accepted
            // from the day its materials arrived, and the decision limit runs from then
            deemedAcceptedAt = materialsArrivedAt == null ? submittedAt : materialsArrivedAt;
            clock = new WorkClock(deemedAcceptedAt, limit, lateSupplementPauses, List.of(), null);
        } else {
            clock = WorkClock.start(now, limit);
        }
        transition(actor, role, action, CaseStatus.ACCEPTED, automatic ? "秒批"
                : deemedAcceptedAt == null ? null : "deemed accepted from " + deemedAcceptedAt + " (行政许可法 §32)",
                now);
        registerEvent("case.accepted", new CaseAccepted(facts(rules, now), now, entry.promisedLimitDays(), automatic,
                late, deemedAcceptedAt, entry.steps()), now);
    }

    /**
     * 审批分离: the approver of a case is not one who reviewed it — started the review, asked for a supplement during
     * it, suspended or resumed it ({@code separate-review-and-decision}).
     */
    private void requireSeparateFromReview(Actor approver, String action, CaseRules rules) {
        if (!rules.separateReviewAndDecision()) {
            return;
        }
        boolean reviewed = history.stream().anyMatch(h -> approver.id().equals(h.actorId())
                && (REVIEW_ACTIONS.contains(h.action())
                        || ("REQUEST_SUPPLEMENT".equals(h.action()) && h.from() == CaseStatus.IN_REVIEW)));
        if (reviewed) {
            throw DomainException.notAllowed("SAME_PERSON_REVIEW_AND_DECISION", "you reviewed this case; another "
                    + "approver must " + action + " it (审批分离)");
        }
    }

    private void registerApproved(boolean automatic, CaseRules rules, Instant now) {
        registerEvent("case.approved", new CaseApproved(facts(rules, now), entry.resultKind(),
                entry.resultIsLicense() ? entry.resultLicenseType() : null, Masking.name(applicant.name()),
                licenseFields(), entry.resultIsLicense() ? personalLicenseFields() : List.of(), automatic,
                automatic ? autoApproval.ruleSetVersion() : null), now);
    }

    /**
     * The licence face e-license prints, as far as it may travel on a topic: the form's fields with plain values
     * that are not personal (the contract has case-handling copy them; e-license keeps those its licence type's
     * schema names). The personal ones are named in {@link #personalLicenseFields()} and read by e-license from
     * {@code GET /api/v1/cases/{id}/license-face}.
     */
    private Map<String, Object> licenseFields() {
        return licenseFieldsOf(formData);
    }

    /** The names of the personal fields the licence face needs (of the face's fields, when e-license told them). */
    List<String> personalLicenseFields() {
        return PersonalForms.plainPersonalFields(this).stream()
                .filter(name -> licenseFaceFields == null || licenseFaceFields.contains(name)).sorted().toList();
    }

    /**
     * Every field of the licence face with its value, personal ones included ({@code form} is the case's whole form,
     * decrypted): of the face's fields when e-license told them at submission, else every plain field.
     */
    Map<String, Object> licenseFace(Map<String, Object> form) {
        Map<String, Object> face = licenseFieldsOf(form);
        if (licenseFaceFields != null) {
            face.keySet().retainAll(licenseFaceFields);
        }
        return face;
    }

    private void takePersonal(Draft draft) {
        personalForm = new LinkedHashMap<>(draft.form().sealed());
        personalFields = new ArrayList<>(draft.form().personalFields());
        licenseFaceFields = draft.licenseFaceFields() == null ? null : List.copyOf(draft.licenseFaceFields());
    }

    /** The license face fields a form gives (see {@link #licenseFields()}); checked against e-license on submission. */
    static Map<String, Object> licenseFieldsOf(Map<String, Object> formData) {
        Map<String, Object> fields = new LinkedHashMap<>();
        formData.forEach((name, value) -> {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    private void complete(Actor actor, String role, String issuedLicenseId, String comment, CaseRules rules,
            Instant now) {
        clock = clock.complete(now);
        completedAt = now;
        licenseId = issuedLicenseId;
        transition(actor, role, "COMPLETE", CaseStatus.COMPLETED, comment, now);
        registerCompleted(issuedLicenseId, CaseOutcome.APPROVED, rules, now);
    }

    /** The one {@code case.completed} of a decided case, with how its (stopped) clock ended. */
    private void registerCompleted(String issuedLicenseId, CaseOutcome outcome, CaseRules rules, Instant now) {
        Integer late = Lateness.of(clock, rules.calendar());
        registerEvent("case.completed", new CaseCompleted(facts(rules, now), issuedLicenseId, late == null, outcome,
                late), now);
    }

    private void transition(Actor actor, String role, String action, CaseStatus to, String comment, Instant now) {
        CaseStatus from = status;
        status = to;
        record(now, actor, role, action, from, to, comment);
    }

    private void record(Instant at, Actor actor, String role, String action, CaseStatus from, CaseStatus to,
            String comment) {
        history.add(new HistoryEntry(at, actor.id(), actor.name(), role, action, from, to, comment));
    }

    private CaseFacts facts(CaseRules rules, Instant now) {
        refreshDeadlineIndex(rules, now);
        // the clock's due instant, also once it has stopped (the worklist index no longer keeps one then)
        return new CaseFacts(id, caseNo, kind, entry == null ? null : entry.implementationCode(),
                entry == null ? null : entry.version(), departmentCode, region, channel, applicant.type(),
                applicant.holderRef(), status, clock == null ? null : clock.dueAt(rules.calendar(), now),
                parentCaseId, bundleCode);
    }

    /** Copies the clock's due and yellow instants, or its frozen level while paused, for the worklist index. */
    private void refreshDeadlineIndex(CaseRules rules, Instant now) {
        DeadlineLevels.Index index = DeadlineLevels.of(clock, rules.calendar(), rules.thresholds(), now);
        dueAt = index.dueAt();
        yellowAt = index.yellowAt();
        pausedLevel = index.pausedLevel();
    }

    private static Instant acceptanceDue(CaseRules rules, Instant from) {
        LocalDate day = from.atZone(WorkingDayCalendar.ZONE).toLocalDate();
        return WorkingDayCalendar.endOf(rules.calendar().addWorkingDays(day, rules.acceptanceWorkingDays()));
    }

    private void requireStatus(String action, CaseStatus expected) {
        if (status != expected) {
            throw DomainException.illegalState(status, action);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("MISSING_" + field.toUpperCase(java.util.Locale.ROOT),
                    "a " + field + " is required");
        }
    }

    private static String describe(List<SupplementRequest.Item> items, String comment) {
        List<String> parts = new ArrayList<>();
        items.forEach(i -> parts.add((i.materialCode() == null ? "" : i.materialCode() + ": ") + i.description()));
        if (comment != null && !comment.isBlank()) {
            parts.add(comment);
        }
        return String.join("; ", parts);
    }

    @Override
    protected String aggregateType() {
        return "case";
    }

    @Override
    protected String region() {
        return region;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Whether a caller holding any of these look-up references is this case's applicant. */
    public boolean hasApplicant(Collection<String> callerRefs) {
        return callerRefs.stream().anyMatch(applicantRefs::contains);
    }

    /** The acceptance window (5 working days by default) passed without acceptance or a request to supplement. */
    public boolean acceptanceOverdue(Instant now) {
        return acceptanceOverdue || (status == CaseStatus.SUBMITTED && acceptanceDueAt != null
                && now.isAfter(acceptanceDueAt));
    }

    public String id() { return id; }
    public String caseNo() { return caseNo; }
    public CaseKind kind() { return kind; }
    public String parentCaseId() { return parentCaseId; }
    public String bundleCode() { return bundleCode; }
    public String bundleName() { return bundleName; }
    public EntrySnapshot entry() { return entry; }
    public String departmentCode() { return departmentCode; }
    public String regionCode() { return region; }
    public Channel channel() { return channel; }
    public Applicant applicant() { return applicant; }
    public List<String> applicantRefs() { return applicantRefs; }
    public String submittedBySubject() { return submittedBySubject; }
    public String submittedByClient() { return submittedByClient; }
    /** The form's fields that are not personal (the personal ones: {@link PersonalForms#open}). */
    public Map<String, Object> formData() { return java.util.Collections.unmodifiableMap(formData); }
    /** The personal fields as stored, encrypted. */
    Map<String, SealedValue> personalForm() {
        if (personalForm == null) {
            personalForm = new LinkedHashMap<>();
        }
        return personalForm;
    }
    public List<String> personalFields() { return personalFields == null ? List.of() : List.copyOf(personalFields); }
    public List<String> licenseFaceFields() { return licenseFaceFields; }
    public List<Material> materials() { return List.copyOf(materials); }
    public CaseStatus status() { return status; }
    public SupplementRequest supplementRequest() { return supplementRequest; }
    public WorkClock clock() { return clock; }
    public Instant submittedAt() { return submittedAt; }
    public Instant acceptanceDueAt() { return acceptanceDueAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant deemedAcceptedAt() { return deemedAcceptedAt; }
    public Instant materialsArrivedAt() { return materialsArrivedAt == null ? submittedAt : materialsArrivedAt; }
    public Decision decision() { return decision; }
    public String rejectionReason() { return rejectionReason; }
    public String withdrawalReason() { return withdrawalReason; }
    public Instant completedAt() { return completedAt; }
    public String licenseId() { return licenseId; }
    public AutoApprovalOutcome autoApproval() { return autoApproval; }
    public List<BundleChild> children() { return List.copyOf(children); }
    public List<HistoryEntry> history() { return List.copyOf(history); }

    Instant indexedDueAt() { return dueAt; }
    Instant indexedYellowAt() { return yellowAt; }
    ClockLevel indexedPausedLevel() { return pausedLevel; }
    /** The level the worklist index gives the case at {@code now} (see {@link DeadlineLevels.Index#levelAt}). */
    ClockLevel indexedLevel(Instant now) { return new DeadlineLevels.Index(dueAt, yellowAt, pausedLevel).levelAt(now); }
}
