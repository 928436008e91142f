package dev.onewindow.elicense.license;

import java.util.ArrayList;
import java.util.List;

import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * The holder references a caller holds licences under (contract "Identity of people across services"): the keyed
 * hash of the resident ID number the identity provider vouches for, and, for an enterprise agent, the keyed hash of
 * the enterprise's credit code. Taken from the validated token only.
 */
@Component
public class HolderRefs {

    private final LookupHasher hasher;

    public HolderRefs(LookupHasher hasher) {
        this.hasher = hasher;
    }

    public List<String> of(Caller caller) {
        List<String> refs = new ArrayList<>(2);
        if (caller.idNumber() != null && ResidentIdNumber.isValid(caller.idNumber())) {
            refs.add(hasher.hashIdNumber(caller.idNumber()));
        }
        if (caller.uscc() != null && caller.hasRole(Roles.ENTERPRISE)
                && UnifiedSocialCreditCode.isValid(caller.uscc())) {
            refs.add(ofCreditCode(caller.uscc()));
        }
        return refs;
    }

    public String ofIdNumber(String idNumber) {
        return hasher.hash(ResidentIdNumber.of(idNumber));
    }

    public String ofCreditCode(String uscc) {
        return hasher.hash(UnifiedSocialCreditCode.of(uscc).value());
    }
}
