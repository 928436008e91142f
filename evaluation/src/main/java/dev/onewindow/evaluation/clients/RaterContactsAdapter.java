package dev.onewindow.evaluation.clients;

import java.util.regex.Pattern;

import dev.onewindow.evaluation.clients.casehandling.CaseHandlingClient;
import dev.onewindow.evaluation.clients.hotline.HotlineClient;
import dev.onewindow.evaluation.rectifications.RaterContacts;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.UnavailableException;
import dev.onewindow.platform.peers.PeerIdentifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The domain's {@link RaterContacts} over case-handling's and hotline-12345's APIs. An id is checked before it goes
 * into a URL; a peer's refusal (404: no such matter, or evaluation not trusted) means no contact to give, and is
 * logged without the answer; unavailability comes from the fallbacks. Answers of another matter are refused.
 */
@Component
class RaterContactsAdapter implements RaterContacts {

    private static final Logger log = LoggerFactory.getLogger(RaterContactsAdapter.class);
    /** Case and work-order ids as their services hand them out: letters, digits, '_' and '-'. */
    static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CaseHandlingClient cases;
    private final HotlineClient hotline;

    RaterContactsAdapter(CaseHandlingClient cases, HotlineClient hotline) {
        this.cases = cases;
        this.hotline = hotline;
    }

    @Override
    public Contact of(String subjectType, String subjectId) {
        String id = PeerIdentifiers.require(subjectId, SUBJECT_ID, "subjectId");
        try {
            if ("WORK_ORDER".equals(subjectType)) {
                HotlineClient.CallerContact answer = hotline.callerContact(id);
                return answer == null || !id.equals(answer.orderId()) ? Contact.NONE
                        : new Contact(answer.mobile(), answer.confidential());
            }
            CaseHandlingClient.ApplicantContact answer = cases.applicantContact(id);
            return answer == null || !id.equals(answer.caseId()) ? Contact.NONE : new Contact(answer.mobile(), false);
        } catch (UnavailableException unavailable) {
            throw unavailable;
        } catch (DomainException refused) {
            log.warn("no rater contact for {} {}: the holder refused ({})", subjectType, id, refused.code());
            return Contact.NONE;
        }
    }
}
