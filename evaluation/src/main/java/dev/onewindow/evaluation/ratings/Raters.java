package dev.onewindow.evaluation.ratings;

import java.util.ArrayList;
import java.util.List;

import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may rate what: the references a signed-in person is known by, computed as the producing services compute them
 * — case-handling's {@code holderRef} (keyed hash of the ID number the identity provider vouches for, or of the
 * enterprise's code for its agent), hotline-12345's {@code callerSubject} (the token's subject).
 */
@Component
public class Raters {

    private static final String SUBJECT = "sub:";

    private final LookupHasher hasher;

    Raters(LookupHasher hasher) {
        this.hasher = hasher;
    }

    /** The references of a caller; invalid claims give none. */
    public List<String> refsOf(Caller caller) {
        List<String> refs = new ArrayList<>();
        if (caller.idNumber() != null && ResidentIdNumber.isValid(caller.idNumber())) {
            refs.add(hasher.hashIdNumber(caller.idNumber()));
        }
        if (caller.hasRole(Roles.ENTERPRISE) && caller.uscc() != null
                && UnifiedSocialCreditCode.isValid(caller.uscc())) {
            refs.add(hasher.hash(UnifiedSocialCreditCode.of(caller.uscc()).value()));
        }
        if (caller.subject() != null) {
            refs.add(subjectRef(caller.subject()));
        }
        return refs;
    }

    /** Whether the caller is known to the identity provider by name and ID number (实名). */
    public static boolean realName(Caller caller) {
        return caller.idNumber() != null && ResidentIdNumber.isValid(caller.idNumber());
    }

    /** The reference of a hotline caller who filed while signed in. */
    public static String subjectRef(String subject) {
        return SUBJECT + subject;
    }
}
