package dev.onewindow.casehandling.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.clients.catalog.CatalogBundle;
import dev.onewindow.casehandling.clients.catalog.CatalogClient;
import dev.onewindow.casehandling.clients.catalog.CatalogEntry;
import dev.onewindow.casehandling.clients.elicense.LicenseFaceCheck;
import dev.onewindow.casehandling.clients.elicense.LicenseRedemption;
import dev.onewindow.casehandling.clients.elicense.RedeemResponse.RedeemedLicense;
import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.casehandling.files.FileStore;
import dev.onewindow.casehandling.files.StoredFile;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.personal.MobileNumber;
import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * 申报: turns an application into a stored case (or a bundle of cases) — or into a 4xx problem with nothing stored.
 *
 * <p>Everything that can be checked locally is checked before anything is consumed: the entry version, who may
 * submit on which channel, the applicant (identity from the token for citizens and enterprises, never from the
 * body), the form, the uploaded files and that every required material is named. Only then are e-license
 * authorizations redeemed (they are single-use), and only when all of that succeeded is the case saved, with its
 * {@code case.submitted} event, in one write.
 */
@Service
public class SubmissionService {

    private static final Set<Channel> ONLINE = Set.of(Channel.PC_PORTAL, Channel.MOBILE_APP, Channel.MINI_PROGRAM,
            Channel.SELF_SERVICE_KIOSK);
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final int MAX_FORM_DEPTH = 5;

    private final CatalogClient catalog;
    private final LicenseRedemption licenses;
    private final LicenseFaceCheck licenseFaces;
    private final FileStore files;
    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final FieldCipher cipher;
    private final LookupHasher hasher;
    private final JsonMapper json;
    private final CaseRulesSource rules;
    private final CaseHandlingProperties properties;
    private final Clock clock;

    SubmissionService(CatalogClient catalog, LicenseRedemption licenses, LicenseFaceCheck licenseFaces,
            FileStore files, CaseRepository cases, CaseNumbers numbers, FieldCipher cipher, LookupHasher hasher, JsonMapper json, CaseRulesSource rules,
            CaseHandlingProperties properties, Clock clock) {
        this.catalog = catalog;
        this.licenses = licenses;
        this.licenseFaces = licenseFaces;
        this.files = files;
        this.cases = cases;
        this.numbers = numbers;
        this.cipher = cipher;
        this.hasher = hasher;
        this.json = json;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    /** Submits an application for one entry version. */
    public Case submit(Application application, Caller caller) {
        Submitter submitter = submitter(caller, application.channel(), application.applicant());
        CatalogEntry entry = publishedEntry(application.implementationCode(), application.version());
        if (submitter.role().equals(Roles.WINDOW_OFFICER) && !caller.inDepartment(entry.departmentCode())) {
            throw ApiException.forbidden("a window officer submits only for entries of their own department");
        }
        ResolvedApplicant applicant = resolveApplicant(submitter, application.applicant());
        requireApplicantType(entry, applicant.applicant().type());
        Map<String, Object> form = checkedForm(application.formData());
        requireFormFitsLicenses(List.of(entry), form);
        List<Planned> planned = planMaterials(application.materials(), offered(List.of(entry)), caller);
        requireMaterials(required(List.of(entry)), planned);

        String caseId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<Material> materials = redeem(planned, entry.departmentCode(), caseId, applicant, now);
        AutoApprovalOutcome autoApproval = evaluateAutoApproval(entry, form, materials, now);
        Case.Draft draft = new Case.Draft(caseId, numbers.next(entry.region(), now), CaseKind.SINGLE, null, null, null,
                snapshot(entry), entry.departmentCode(), entry.region(), application.channel(),
                applicant.applicant(), applicant.refs(), caller.subject(), caller.clientId(), form,
                materialsOf(entry, materials));
        return cases.insert(Case.submit(draft, submitter.actor(), submitter.role(), autoApproval, rules.current(),
                now));
    }

    /**
     * Submits a 一件事 bundle: one parent case and one member case per bundle member, each with its own department,
     * entry version and (from acceptance) clock. Materials are given once and each member gets those it needs.
     */
    public Case submitBundle(Application application, Caller caller) {
        Submitter submitter = submitter(caller, application.channel(), application.applicant());
        CatalogBundle bundle = catalog.bundle(application.bundleCode())
                .orElseThrow(() -> ApiException.badRequest("UNKNOWN_BUNDLE",
                        "there is no bundle " + application.bundleCode()));
        if (!bundle.published()) {
            throw ApiException.badRequest("BUNDLE_NOT_PUBLISHED", "bundle " + bundle.code() + " is not published")
                    .with("bundleStatus", String.valueOf(bundle.status()));
        }
        if (bundle.members().isEmpty()) {
            throw ApiException.badRequest("UNKNOWN_BUNDLE", "bundle " + bundle.code() + " has no members");
        }
        if (submitter.role().equals(Roles.WINDOW_OFFICER) && !caller.inDepartment(bundle.leadDepartment())) {
            throw ApiException.forbidden("a window officer submits a bundle only for their own lead department");
        }
        List<CatalogEntry> entries = bundle.members().stream()
                .map(m -> publishedEntry(m.implementationCode(), m.version())).toList();
        ResolvedApplicant applicant = resolveApplicant(submitter, application.applicant());
        entries.forEach(e -> requireApplicantType(e, applicant.applicant().type()));
        Map<String, Object> form = checkedForm(application.formData());
        requireFormFitsLicenses(entries, form);
        // the catalog's merged list (asked once, mapped to each member's own codes); older bundles without one
        // are asked by the members' codes directly
        boolean merged = !bundle.materials().isEmpty();
        List<Planned> planned = planMaterials(application.materials(),
                merged ? offered(bundle) : offered(entries), caller);
        requireMaterials(merged ? required(bundle) : required(entries), planned);

        String parentId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        CatalogEntry lead = entries.stream().filter(e -> e.departmentCode().equals(bundle.leadDepartment()))
                .findFirst().orElse(entries.get(0));
        List<Material> materials = redeem(planned, bundle.leadDepartment(), parentId, applicant, now);
        List<Case> members = new ArrayList<>();
        List<BundleChild> children = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            AutoApprovalOutcome autoApproval = evaluateAutoApproval(entry, form,
                    merged ? memberMaterials(bundle, entry, materials) : materials, now);
            Case.Draft draft = new Case.Draft(UUID.randomUUID().toString(), numbers.next(entry.region(), now),
                    CaseKind.BUNDLE_MEMBER, parentId, bundle.code(), bundle.name(), snapshot(entry),
                    entry.departmentCode(), entry.region(), application.channel(), applicant.applicant(),
                    applicant.refs(), caller.subject(), caller.clientId(), form,
                    merged ? memberMaterials(bundle, entry, materials) : materialsOf(entry, materials));
            Case member = Case.submit(draft, submitter.actor(), submitter.role(), autoApproval, rules.current(), now);
            members.add(member);
            children.add(new BundleChild(member.id(), member.caseNo(), entry.implementationCode(),
                    entry.departmentCode(), member.status(), 0));
        }
        Case.Draft parentDraft = new Case.Draft(parentId, numbers.next(lead.region(), now), CaseKind.BUNDLE, null,
                bundle.code(), bundle.name(), null, bundle.leadDepartment(), lead.region(), application.channel(),
                applicant.applicant(), applicant.refs(), caller.subject(), caller.clientId(), form, materials);
        Case parent = Case.openBundle(parentDraft, children, submitter.actor(), submitter.role(), rules.current(), now);
        // members first, parent last, in one insert: a member's progress that arrives before its parent exists
        // is retried by the bundle listener, while a parent can never list members that were not stored
        List<Case> all = new ArrayList<>(members);
        all.add(parent);
        cases.insert(all);
        return parent;
    }

    // ------------------------------------------------------------------------------------------------ who

    /** The validated caller, and the role they submit in. */
    record Submitter(Caller caller, Actor actor, String role) {
    }

    /** Who submits, in which role: each channel belongs to a role (the counter to officers, the API to partners). */
    private Submitter submitter(Caller caller, Channel channel, Application.ApplicantDetails details) {
        String role;
        if (channel == Channel.SERVICE_HALL) {
            role = requireRole(caller, Roles.WINDOW_OFFICER, channel);
        } else if (channel == Channel.PARTNER_API) {
            role = requireRole(caller, Roles.PARTNER, channel);
        } else if (ONLINE.contains(channel)) {
            boolean asEnterprise = caller.hasRole(Roles.ENTERPRISE) && (!caller.hasRole(Roles.CITIZEN)
                    || (details != null && details.type() == ApplicantType.LEGAL_PERSON));
            if (asEnterprise) {
                role = Roles.ENTERPRISE;
            } else if (caller.hasRole(Roles.CITIZEN)) {
                role = Roles.CITIZEN;
            } else {
                throw ApiException.forbidden("online channels are for citizens and enterprises; staff use "
                        + "SERVICE_HALL and partner systems PARTNER_API");
            }
        } else {
            throw ApiException.badRequest("CHANNEL_NOT_ALLOWED", "applications cannot be submitted through "
                    + channel);
        }
        Actor actor = new Actor(caller.subject(), caller.username(), caller.roles(), caller.dept());
        return new Submitter(caller, actor, role);
    }

    private static String requireRole(Caller caller, String role, Channel channel) {
        if (!caller.hasRole(role)) {
            throw ApiException.forbidden("channel " + channel + " is for the role " + role);
        }
        return role;
    }

    record ResolvedApplicant(Applicant applicant, List<String> refs) {
    }

    private ResolvedApplicant resolveApplicant(Submitter submitter, Application.ApplicantDetails details) {
        if (details == null || details.name() == null || details.name().isBlank()) {
            throw ApiException.badRequest("MISSING_APPLICANT", "applicant.name is required");
        }
        String mobile = details.mobile() == null ? null : MobileNumber.of(details.mobile()).value();
        return switch (submitter.role()) {
            case Roles.CITIZEN -> {
                requireFromToken(details, details.type() == null || details.type() == ApplicantType.NATURAL_PERSON);
                Caller caller = submitter.caller();
                yield naturalPerson(details.name(), requireVerifiedIdNumber(caller), mobile);
            }
            case Roles.ENTERPRISE -> {
                requireFromToken(details, details.type() == null || details.type() == ApplicantType.LEGAL_PERSON);
                Caller caller = submitter.caller();
                if (caller.uscc() == null || caller.uscc().isBlank()) {
                    throw ApiException.forbidden("your login does not name the enterprise you act for");
                }
                requireText(details.agentName(), "applicant.agentName");
                yield legalPerson(details.name(), UnifiedSocialCreditCode.of(caller.uscc()).value(),
                        details.agentName(), requireVerifiedIdNumber(caller), mobile);
            }
            default -> {
                // staff at the counter and partner systems submit for someone else: the body names them
                if (details.type() == null) {
                    throw ApiException.badRequest("MISSING_APPLICANT", "applicant.type is required");
                }
                if (details.type() == ApplicantType.NATURAL_PERSON) {
                    requireText(details.idNumber(), "applicant.idNumber");
                    yield naturalPerson(details.name(), ResidentIdNumber.of(details.idNumber()), mobile);
                }
                requireText(details.uscc(), "applicant.uscc");
                requireText(details.agentName(), "applicant.agentName");
                requireText(details.agentIdNumber(), "applicant.agentIdNumber");
                UnifiedSocialCreditCode uscc = UnifiedSocialCreditCode.of(details.uscc());
                yield legalPerson(details.name(), uscc.value(), details.agentName(),
                        ResidentIdNumber.of(details.agentIdNumber()), mobile);
            }
        };
    }

    private static void requireFromToken(Application.ApplicantDetails details, boolean typeMatches) {
        if (!typeMatches) {
            throw ApiException.badRequest("APPLICANT_TYPE_NOT_ALLOWED",
                    "citizens apply as natural persons and enterprise agents as legal persons");
        }
        if (details.idNumber() != null || details.uscc() != null || details.agentIdNumber() != null) {
            throw ApiException.badRequest("IDENTITY_FROM_TOKEN",
                    "your ID number and enterprise code come from your login; do not send them");
        }
    }

    private static ResidentIdNumber requireVerifiedIdNumber(Caller caller) {
        if (caller.idNumber() == null || caller.idNumber().isBlank()) {
            throw ApiException.forbidden("your login does not carry a verified ID number (实名认证)");
        }
        return ResidentIdNumber.of(caller.idNumber());
    }

    private ResolvedApplicant naturalPerson(String name, ResidentIdNumber id, String mobile) {
        String ref = hasher.hash(id);
        Applicant applicant = new Applicant(ApplicantType.NATURAL_PERSON, name.trim(), cipher.encrypt(id.value()),
                id.masked(), null, null, null, null, mobile == null ? null : cipher.encrypt(mobile),
                mobile == null ? null : Masking.mobile(mobile), ref, null);
        return new ResolvedApplicant(applicant, List.of(ref));
    }

    private ResolvedApplicant legalPerson(String name, String uscc, String agentName, ResidentIdNumber agentId,
            String mobile) {
        String ref = hasher.hash(uscc);
        String agentRef = hasher.hash(agentId);
        Applicant applicant = new Applicant(ApplicantType.LEGAL_PERSON, name.trim(), null, null, uscc,
                agentName.trim(), cipher.encrypt(agentId.value()), agentId.masked(),
                mobile == null ? null : cipher.encrypt(mobile), mobile == null ? null : Masking.mobile(mobile), ref,
                agentRef);
        // the enterprise's other agents and this agent personally may follow the case
        return new ResolvedApplicant(applicant, List.of(ref, agentRef));
    }

    // ------------------------------------------------------------------------------------------------ what

    private CatalogEntry publishedEntry(String implementationCode, Integer version) {
        Optional<CatalogEntry> found = version == null ? catalog.currentEntry(implementationCode)
                : catalog.entryVersion(implementationCode, version);
        CatalogEntry entry = found.orElseThrow(() -> ApiException.badRequest("UNKNOWN_ENTRY",
                "there is no " + (version == null ? "published entry " : "version " + version + " of entry ")
                        + implementationCode).with("implementationCode", implementationCode));
        if (!entry.published()) {
            throw ApiException.badRequest("ENTRY_NOT_PUBLISHED", "version " + entry.version() + " of "
                    + implementationCode + " is not published; applications are taken only for published versions")
                    .with("entryStatus", String.valueOf(entry.status()));
        }
        if (entry.promisedLimitDays() == null || entry.promisedLimitDays() < 0 || entry.departmentCode() == null
                || entry.region() == null) {
            throw ApiException.unavailable("CATALOG_ENTRY_INCOMPLETE",
                    "the catalog entry lacks its promised limit, department or region");
        }
        return entry;
    }

    private static void requireApplicantType(CatalogEntry entry, ApplicantType type) {
        if (!entry.applicantTypes().contains(type.name())) {
            throw ApiException.badRequest("APPLICANT_TYPE_NOT_ALLOWED", entry.name() + " is not available to a "
                    + type + " applicant").with("applicantTypes", entry.applicantTypes());
        }
    }

    private Map<String, Object> checkedForm(Map<String, Object> form) {
        checkFieldNames(form, "formData", 1);
        if (json.writeValueAsString(form).getBytes(StandardCharsets.UTF_8).length > properties.formMaxBytes()) {
            throw ApiException.badRequest("FORM_TOO_LARGE", "the form data exceeds " + properties.formMaxBytes()
                    + " bytes; attach long documents as files");
        }
        return new LinkedHashMap<>(form);
    }

    /** Field names become MongoDB keys: no dots, no {@code $}, bounded length and depth. */
    private static void checkFieldNames(Object value, String path, int depth) {
        if (depth > MAX_FORM_DEPTH) {
            throw ApiException.badRequest("INVALID_FORM_FIELD", "the form is nested too deeply at " + path);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                String name = String.valueOf(field.getKey());
                if (!FIELD_NAME.matcher(name).matches()) {
                    throw ApiException.badRequest("INVALID_FORM_FIELD", "invalid form field name at " + path)
                            .with("field", path + "." + name);
                }
                checkFieldNames(field.getValue(), path + "." + name, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkFieldNames(list.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    /** A material checked locally; a license is redeemed only after every local check passed. */
    record Planned(String code, StoredFile file, String authorization, Set<String> acceptedLicenseTypes) {
    }

    /** Material codes an application may name, each with the e-license types that may replace it. */
    private static Map<String, List<String>> offered(List<CatalogEntry> entries) {
        Map<String, List<String>> offered = new LinkedHashMap<>();
        entries.forEach(e -> e.materials().forEach(m -> offered.putIfAbsent(m.code(), m.acceptedLicenseTypes())));
        return offered;
    }

    private static Map<String, List<String>> offered(CatalogBundle bundle) {
        Map<String, List<String>> offered = new LinkedHashMap<>();
        bundle.materials().forEach(m -> offered.putIfAbsent(m.code(), m.acceptedLicenseTypes()));
        return offered;
    }

    private static List<String> required(List<CatalogEntry> entries) {
        return entries.stream().flatMap(e -> e.materials().stream()).filter(CatalogEntry.Material::required)
                .map(CatalogEntry.Material::code).distinct().toList();
    }

    private static List<String> required(CatalogBundle bundle) {
        return bundle.materials().stream().filter(CatalogBundle.Material::required).map(CatalogBundle.Material::code)
                .toList();
    }

    private List<Planned> planMaterials(List<Application.MaterialReference> references,
            Map<String, List<String>> offered, Caller caller) {
        Set<String> seen = new LinkedHashSet<>();
        List<Planned> planned = new ArrayList<>();
        for (Application.MaterialReference reference : references) {
            List<String> acceptedLicenseTypes = offered.get(reference.code());
            if (acceptedLicenseTypes == null) {
                throw ApiException.badRequest("UNKNOWN_MATERIAL", "material " + reference.code()
                        + " is not asked for by this entry").with("materialCode", reference.code());
            }
            if (!seen.add(reference.code())) {
                throw ApiException.badRequest("DUPLICATE_MATERIAL", "material " + reference.code()
                        + " is given more than once");
            }
            boolean isFile = reference.fileId() != null && !reference.fileId().isBlank();
            boolean isLicense = reference.licenseAuthorization() != null
                    && !reference.licenseAuthorization().isBlank();
            if (isFile == isLicense) {
                throw ApiException.badRequest("INVALID_MATERIAL", "material " + reference.code()
                        + " needs exactly one of fileId and licenseAuthorization");
            }
            if (isFile) {
                StoredFile file = files.find(reference.fileId()).filter(f -> f.ownedBy(caller.subject()))
                        .orElseThrow(() -> ApiException.badRequest("UNKNOWN_FILE", "file " + reference.fileId()
                                + " was not uploaded by you").with("materialCode", reference.code()));
                planned.add(new Planned(reference.code(), file, null, Set.of()));
            } else {
                if (acceptedLicenseTypes.isEmpty()) {
                    throw ApiException.badRequest("LICENSE_NOT_ACCEPTED", "material " + reference.code()
                            + " cannot be replaced by an e-license; upload a copy");
                }
                planned.add(new Planned(reference.code(), null, reference.licenseAuthorization(),
                        Set.copyOf(acceptedLicenseTypes)));
            }
        }
        return planned;
    }

    private static void requireMaterials(List<String> required, List<Planned> planned) {
        Set<String> given = new LinkedHashSet<>(planned.stream().map(Planned::code).toList());
        List<String> missing = required.stream().filter(code -> !given.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("MISSING_MATERIALS", "required material(s) missing: "
                    + String.join(", ", missing)).with("missingMaterials", missing);
        }
    }

    /** Redeems the authorizations (免证办) and checks each license serves its material for this applicant. */
    private List<Material> redeem(List<Planned> planned, String departmentCode, String caseRef,
            ResolvedApplicant applicant, Instant now) {
        List<Material> materials = new ArrayList<>();
        for (Planned p : planned) {
            if (p.file() != null) {
                materials.add(Material.file(p.code(), p.file().id(), p.file().name(), p.file().contentType(),
                        p.file().size(), now));
                continue;
            }
            List<RedeemedLicense> redeemed = licenses.redeem(p.authorization(), departmentCode, caseRef);
            RedeemedLicense license = redeemed.stream().filter(l -> p.acceptedLicenseTypes().contains(l.typeCode()))
                    .findFirst().orElseThrow(() -> ApiException.badRequest("LICENSE_NOT_ACCEPTED",
                            "the authorized e-license is not of a type accepted for material " + p.code())
                            .with("acceptedLicenseTypes", p.acceptedLicenseTypes()));
            if (!applicant.refs().contains(license.holderRef())) {
                throw ApiException.badRequest("LICENSE_NOT_APPLICANTS",
                        "the authorized e-license does not belong to the applicant");
            }
            if (!license.usable()) {
                throw ApiException.badRequest("LICENSE_NOT_VALID", "the e-license for material " + p.code()
                        + " is " + license.status() + (license.signatureValid() ? "" : " with an invalid signature")
                        + "; upload a copy or renew the license")
                        .with("licenseStatus", String.valueOf(license.status()));
            }
            materials.add(Material.license(p.code(), license.licenseId(), license.typeCode(), license.status(),
                    license.signatureValid(), license.validUntil(), now));
        }
        return materials;
    }

    /** A member's materials from the bundle's merged ones, under the member entry's own material codes. */
    private static List<Material> memberMaterials(CatalogBundle bundle, CatalogEntry entry, List<Material> given) {
        List<Material> materials = new ArrayList<>();
        for (Material material : given) {
            bundle.materials().stream().filter(m -> m.code().equals(material.code()))
                    .flatMap(m -> m.requiredBy().stream())
                    .filter(r -> entry.implementationCode().equals(r.implementationCode()))
                    .forEach(r -> materials.add(material.withCode(r.materialCode())));
        }
        return materials;
    }

    private static List<Material> materialsOf(CatalogEntry entry, List<Material> all) {
        Set<String> codes = Set.copyOf(entry.materials().stream().map(CatalogEntry.Material::code).toList());
        return all.stream().filter(m -> codes.contains(m.code())).toList();
    }

    private static AutoApprovalOutcome evaluateAutoApproval(CatalogEntry entry, Map<String, Object> form,
            List<Material> materials, Instant now) {
        if (entry.autoApproval() == null || !entry.autoApproval().enabled()) {
            return null;
        }
        List<AutoApprovalRules.Rule> ruleSet = entry.autoApproval().rules().stream()
                .map(r -> new AutoApprovalRules.Rule(r.type(), r.licenseType(), r.field(), r.min(), r.max(),
                        r.value()))
                .toList();
        return AutoApprovalRules.evaluate(entry.autoApproval().ruleSetVersion(), ruleSet, form,
                materialsOf(entry, materials), now);
    }

    /** Before anything is stored or redeemed: each licence the entries will issue can be printed from the form. */
    private void requireFormFitsLicenses(List<CatalogEntry> entries, Map<String, Object> form) {
        Map<String, Object> licenseFields = Case.licenseFieldsOf(form);
        entries.stream().map(SubmissionService::snapshot).filter(EntrySnapshot::resultIsLicense)
                .map(EntrySnapshot::resultLicenseType).distinct()
                .forEach(type -> licenseFaces.requireFits(type, licenseFields));
    }

    private static EntrySnapshot snapshot(CatalogEntry entry) {
        CatalogEntry.Result result = entry.result() == null ? new CatalogEntry.Result(EntrySnapshot.DOCUMENT, null)
                : entry.result();
        String kind = EntrySnapshot.LICENSE.equals(result.kind()) ? EntrySnapshot.LICENSE : EntrySnapshot.DOCUMENT;
        return new EntrySnapshot(entry.implementationCode(), entry.version(), entry.name(), entry.itemType(),
                entry.departmentCode(), entry.region(), entry.promisedLimitDays(), entry.statutoryLimitDays(), kind,
                result.licenseType(), entry.materials().stream().map(m -> new EntrySnapshot.Material(m.code(), m.name(),
                        m.required(), m.acceptedLicenseTypes())).toList());
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("MISSING_APPLICANT", field + " is required");
        }
    }
}
