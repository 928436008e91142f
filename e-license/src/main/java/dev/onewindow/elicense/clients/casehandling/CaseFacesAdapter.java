package dev.onewindow.elicense.clients.casehandling;

import java.util.Map;
import java.util.regex.Pattern;

import dev.onewindow.elicense.license.CaseFaces;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.UnavailableException;
import dev.onewindow.platform.peers.PeerIdentifiers;
import org.springframework.stereotype.Component;

/**
 * The domain's {@link CaseFaces} over case-handling's API. A case id is checked before it goes into the URL; a face
 * case-handling does not have for the case (404) or will not give (another 4xx), or an answer about another case, is
 * invalid: that approval can never be issued and is dead-lettered. Unavailability comes from
 * {@link CaseHandlingFallbackFactory}.
 */
@Component
class CaseFacesAdapter implements CaseFaces {

    /** Case ids as case-handling hands them out (an ObjectId's hex, a UUID): letters, digits, '_' and '-'. */
    static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CaseHandlingClient client;

    CaseFacesAdapter(CaseHandlingClient client) {
        this.client = client;
    }

    @Override
    public Map<String, Object> faceOf(String caseId) {
        String id = PeerIdentifiers.require(caseId, CASE_ID, "caseId");
        LicenseFace face;
        try {
            face = client.licenseFace(id);
        } catch (UnavailableException unavailable) {
            throw unavailable;
        } catch (DomainException refused) {
            throw DomainException.invalid("LICENSE_FACE_NOT_FOUND", "case-handling has no licence face for the case ("
                    + refused.code() + ")");
        }
        if (face == null || !caseId.equals(face.caseId())) {
            throw DomainException.invalid("LICENSE_FACE_NOT_FOUND", "case-handling answered with the face of "
                    + "another case");
        }
        return face.fields() == null ? Map.of() : face.fields();
    }
}
