package dev.onewindow.casehandling.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.onewindow.casehandling.entries.Entry;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.personal.MobileNumber;
import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who submits in which role, and who the applicant is: citizens and enterprise agents are identified by their token
 * (never by the body), staff at the counter and partner systems name the applicant in the body. The applicant is
 * stored with ID numbers encrypted and masked, and known by look-up references (hashes) only.
 */
@Component
public class Applicants {

    private static final Set<Channel> ONLINE = Set.of(Channel.PC_PORTAL, Channel.MOBILE_APP, Channel.MINI_PROGRAM,
            Channel.SELF_SERVICE_KIOSK);

    private final FieldCipher cipher;
    private final LookupHasher hasher;

    Applicants(FieldCipher cipher, LookupHasher hasher) {
        this.cipher = cipher;
        this.hasher = hasher;
    }

    /** The validated caller, and the role they submit in. */
    record Submitter(Caller caller, Actor actor, String role) {
    }

    /** The applicant as stored, and every look-up reference under which someone may act as them. */
    record Resolved(Applicant applicant, List<String> refs) {
    }

    /** Who submits, in which role: each channel belongs to a role (the counter to officers, the API to partners). */
    Submitter submitter(Caller caller, Channel channel, Application.ApplicantDetails details) {
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
                throw DomainException.notAllowed("online channels are for citizens and enterprises; staff use "
                        + "SERVICE_HALL and partner systems PARTNER_API");
            }
        } else {
            throw DomainException.invalid("CHANNEL_NOT_ALLOWED", "applications cannot be submitted through "
                    + channel);
        }
        return new Submitter(caller, Actor.of(caller), role);
    }

    /** A window officer takes applications at the counter only for their own department ({@code refusal}). */
    static void requireOwnDepartment(Submitter submitter, String departmentCode, String refusal) {
        if (submitter.role().equals(Roles.WINDOW_OFFICER) && !submitter.caller().inDepartment(departmentCode)) {
            throw DomainException.notAllowed(refusal);
        }
    }

    /** The entry is open to this kind of applicant. */
    static void requireAllowed(Entry entry, ApplicantType type) {
        if (!entry.applicantTypes().contains(type.name())) {
            throw DomainException.invalid("APPLICANT_TYPE_NOT_ALLOWED", entry.name() + " is not available to a "
                    + type + " applicant").with("applicantTypes", entry.applicantTypes());
        }
    }

    Resolved resolve(Submitter submitter, Application.ApplicantDetails details) {
        if (details == null || details.name() == null || details.name().isBlank()) {
            throw DomainException.invalid("MISSING_APPLICANT", "applicant.name is required");
        }
        String mobile = details.mobile() == null ? null : MobileNumber.of(details.mobile()).value();
        return switch (submitter.role()) {
            case Roles.CITIZEN -> {
                requireFromToken(details, details.type() == null || details.type() == ApplicantType.NATURAL_PERSON);
                yield naturalPerson(details.name(), requireVerifiedIdNumber(submitter.caller()), mobile);
            }
            case Roles.ENTERPRISE -> {
                requireFromToken(details, details.type() == null || details.type() == ApplicantType.LEGAL_PERSON);
                Caller caller = submitter.caller();
                if (caller.uscc() == null || caller.uscc().isBlank()) {
                    throw DomainException.notAllowed("your login does not name the enterprise you act for");
                }
                requireText(details.agentName(), "applicant.agentName");
                yield legalPerson(details.name(), UnifiedSocialCreditCode.of(caller.uscc()).value(),
                        details.agentName(), requireVerifiedIdNumber(caller), mobile);
            }
            default -> {
                // staff at the counter and partner systems submit for someone else: the body names them
                if (details.type() == null) {
                    throw DomainException.invalid("MISSING_APPLICANT", "applicant.type is required");
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

    /**
     * The look-up references a caller is known by as an applicant: the hash of the ID number the identity provider
     * vouches for, and for an enterprise agent the hash of the enterprise's USCC. Invalid claims give nothing.
     */
    List<String> refsOf(Caller caller) {
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

    private static String requireRole(Caller caller, String role, Channel channel) {
        if (!caller.hasRole(role)) {
            throw DomainException.notAllowed("channel " + channel + " is for the role " + role);
        }
        return role;
    }

    private static void requireFromToken(Application.ApplicantDetails details, boolean typeMatches) {
        if (!typeMatches) {
            throw DomainException.invalid("APPLICANT_TYPE_NOT_ALLOWED",
                    "citizens apply as natural persons and enterprise agents as legal persons");
        }
        if (details.idNumber() != null || details.uscc() != null || details.agentIdNumber() != null) {
            throw DomainException.invalid("IDENTITY_FROM_TOKEN",
                    "your ID number and enterprise code come from your login; do not send them");
        }
    }

    private static ResidentIdNumber requireVerifiedIdNumber(Caller caller) {
        if (caller.idNumber() == null || caller.idNumber().isBlank()) {
            throw DomainException.notAllowed("your login does not carry a verified ID number (实名认证)");
        }
        return ResidentIdNumber.of(caller.idNumber());
    }

    private Resolved naturalPerson(String name, ResidentIdNumber id, String mobile) {
        String ref = hasher.hash(id);
        Applicant applicant = new Applicant(ApplicantType.NATURAL_PERSON, name.trim(), cipher.encrypt(id.value()),
                id.masked(), null, null, null, null, mobile == null ? null : cipher.encrypt(mobile),
                mobile == null ? null : Masking.mobile(mobile), ref, null);
        return new Resolved(applicant, List.of(ref));
    }

    private Resolved legalPerson(String name, String uscc, String agentName, ResidentIdNumber agentId,
            String mobile) {
        String ref = hasher.hash(uscc);
        String agentRef = hasher.hash(agentId);
        Applicant applicant = new Applicant(ApplicantType.LEGAL_PERSON, name.trim(), null, null, uscc,
                agentName.trim(), cipher.encrypt(agentId.value()), agentId.masked(),
                mobile == null ? null : cipher.encrypt(mobile), mobile == null ? null : Masking.mobile(mobile), ref,
                agentRef);
        // the enterprise's other agents and this agent personally may follow the case
        return new Resolved(applicant, List.of(ref, agentRef));
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("MISSING_APPLICANT", field + " is required");
        }
    }

    /** The applicant's mobile number in clear (to call back), or null when none was given. */
    public String openMobile(Applicant applicant) {
        return applicant == null || applicant.mobileCipher() == null ? null : cipher.decrypt(applicant.mobileCipher());
    }
}
