package dev.onewindow.casehandling.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.casehandling.entries.Bundle;
import dev.onewindow.casehandling.entries.Entry;
import dev.onewindow.casehandling.entries.EntryLookup;
import dev.onewindow.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * 申报: turns an application into a stored case (or a bundle of cases) — or into a refusal with nothing stored.
 *
 * <p>Everything that can be checked locally is checked before anything is consumed: the entry version
 * ({@link EntryLookup}), who may submit on which channel and who the applicant is ({@link Applicants}: identity from
 * the token for citizens and enterprises, never from the body), the form ({@link ApplicationForms}), the uploaded
 * files and that every required material is named ({@link MaterialResolver#plan}). Only then are e-license
 * authorizations redeemed (they are single-use), the 秒批 rules applied ({@link AutoApprovalRules}), and the case
 * saved with its {@code case.submitted} event in one write.
 */
@Service
public class SubmissionService {

    private final EntryLookup entries;
    private final Applicants applicants;
    private final ApplicationForms forms;
    private final MaterialResolver materials;
    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final CaseRulesSource rules;
    private final PersonalForms personal;
    private final Clock clock;

    SubmissionService(EntryLookup entries, Applicants applicants, ApplicationForms forms, MaterialResolver materials,
            CaseRepository cases, CaseNumbers numbers, CaseRulesSource rules, PersonalForms personal, Clock clock) {
        this.entries = entries;
        this.applicants = applicants;
        this.forms = forms;
        this.materials = materials;
        this.cases = cases;
        this.numbers = numbers;
        this.rules = rules;
        this.personal = personal;
        this.clock = clock;
    }

    /** Submits an application for one entry version; the stored case as read now. */
    public CaseView submit(Application application, Caller caller) {
        Applicants.Submitter submitter = applicants.submitter(caller, application.channel(), application.applicant());
        Entry entry = entries.published(application.implementationCode(), application.version());
        Applicants.requireOwnDepartment(submitter, entry.departmentCode(),
                "a window officer submits only for entries of their own department");
        Applicants.Resolved applicant = applicants.resolve(submitter, application.applicant());
        Applicants.requireAllowed(entry, applicant.applicant().type());
        Map<String, Object> form = forms.checked(application.formData());
        forms.requireFitsLicenses(List.of(entry), form);
        List<MaterialResolver.Planned> planned = materials.plan(application.materials(),
                MaterialResolver.Offered.by(List.of(entry)), caller.subject());
        MaterialResolver.requireComplete(MaterialResolver.required(List.of(entry)), planned);
        PersonalForms.Decision privacy = personal.decide(List.of(entry), form);

        String caseId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        CaseRules current = rules.current();
        List<Material> given = MaterialResolver.of(entry,
                materials.redeem(planned, entry.departmentCode(), caseId, applicant.refs(), now));
        EntrySnapshot snapshot = EntrySnapshot.of(entry);
        Case.Draft draft = new Case.Draft(caseId, numbers.next(entry.region(), now), CaseKind.SINGLE, null, null, null,
                snapshot, entry.departmentCode(), entry.region(), application.channel(), applicant.applicant(),
                applicant.refs(), caller.subject(), caller.clientId(),
                personal.seal(caseId, form, privacy.personalFields()), privacy.faceFields(snapshot.resultLicenseType()),
                given);
        Case submitted = Case.submit(draft, submitter.actor(), submitter.role(),
                AutoApprovalRules.evaluate(entry, form, given, now, privacy.personalFields()), current, now);
        return view(cases.insert(submitted), caller, current, now);
    }

    /**
     * Submits a 一件事 bundle: one parent case and one member case per bundle member, each with its own department,
     * entry version and (from acceptance) clock. Materials are given once and each member gets those it needs. The
     * parent as read now.
     */
    public CaseView submitBundle(Application application, Caller caller) {
        Applicants.Submitter submitter = applicants.submitter(caller, application.channel(), application.applicant());
        Bundle bundle = entries.publishedBundle(application.bundleCode());
        Applicants.requireOwnDepartment(submitter, bundle.leadDepartment(),
                "a window officer submits a bundle only for their own lead department");
        List<Entry> members = entries.members(bundle);
        Applicants.Resolved applicant = applicants.resolve(submitter, application.applicant());
        members.forEach(e -> Applicants.requireAllowed(e, applicant.applicant().type()));
        Map<String, Object> form = forms.checked(application.formData());
        forms.requireFitsLicenses(members, form);
        // the catalog's merged list (asked once, mapped to each member's own codes); older bundles without one
        // are asked by the members' codes directly
        boolean merged = bundle.mergesMaterials();
        List<MaterialResolver.Planned> planned = materials.plan(application.materials(),
                merged ? MaterialResolver.Offered.by(bundle) : MaterialResolver.Offered.by(members), caller.subject());
        MaterialResolver.requireComplete(merged ? MaterialResolver.required(bundle)
                : MaterialResolver.required(members), planned);
        PersonalForms.Decision privacy = personal.decide(members, form);

        String parentId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        CaseRules current = rules.current();
        Entry lead = members.stream().filter(e -> e.departmentCode().equals(bundle.leadDepartment())).findFirst()
                .orElse(members.get(0));
        List<Material> given = materials.redeem(planned, bundle.leadDepartment(), parentId, applicant.refs(), now);
        List<Case> stored = new ArrayList<>();
        List<BundleChild> children = new ArrayList<>();
        for (Entry entry : members) {
            List<Material> own = merged ? MaterialResolver.ofMember(bundle, entry, given)
                    : MaterialResolver.of(entry, given);
            String memberId = UUID.randomUUID().toString();
            EntrySnapshot snapshot = EntrySnapshot.of(entry);
            Case.Draft draft = new Case.Draft(memberId, numbers.next(entry.region(), now),
                    CaseKind.BUNDLE_MEMBER, parentId, bundle.code(), bundle.name(), snapshot,
                    entry.departmentCode(), entry.region(), application.channel(), applicant.applicant(),
                    applicant.refs(), caller.subject(), caller.clientId(),
                    personal.seal(memberId, form, privacy.personalFields()),
                    privacy.faceFields(snapshot.resultLicenseType()), own);
            Case member = Case.submit(draft, submitter.actor(), submitter.role(),
                    AutoApprovalRules.evaluate(entry, form, MaterialResolver.of(entry, own), now,
                            privacy.personalFields()), current, now);
            stored.add(member);
            children.add(new BundleChild(member.id(), member.caseNo(), entry.implementationCode(),
                    entry.departmentCode(), member.status(), 0));
        }
        Case.Draft parentDraft = new Case.Draft(parentId, numbers.next(lead.region(), now), CaseKind.BUNDLE, null,
                bundle.code(), bundle.name(), null, bundle.leadDepartment(), lead.region(), application.channel(),
                applicant.applicant(), applicant.refs(), caller.subject(), caller.clientId(),
                personal.seal(parentId, form, privacy.personalFields()), null, given);
        Case parent = Case.openBundle(parentDraft, children, submitter.actor(), submitter.role(), current, now);
        // members first, parent last, in one insert: a member's progress that arrives before its parent exists
        // is retried by the bundle listener, while a parent can never list members that were not stored
        stored.add(parent);
        cases.insert(stored);
        return view(parent, caller, current, now);
    }

    /** The stored case as the submitter sees it: the form in full only for an officer of its department. */
    private CaseView view(Case c, Caller caller, CaseRules current, Instant now) {
        return CaseView.of(c, current, now, CaseService.readsInFull(c, caller) ? personal.open(c) : personal.masked(c));
    }
}
