package dev.onewindow.evaluation.clients.casehandling;

import dev.onewindow.platform.domain.DomainException;
import feign.FeignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * When case-handling cannot answer (down, slow, circuit open, 5xx, our credentials refused): unavailable, so the
 * handler is told to try again shortly. A refusal case-handling answered (a 4xx) is passed on as it is. Nothing of the
 * peer's answer is logged but its status.
 */
@Component
class CaseHandlingFallbackFactory implements FallbackFactory<CaseHandlingClient> {

    private static final Logger log = LoggerFactory.getLogger(CaseHandlingFallbackFactory.class);

    @Override
    public CaseHandlingClient create(Throwable cause) {
        return caseId -> {
            if (cause instanceof DomainException answered) {
                throw answered;
            }
            log.warn("case-handling unavailable for an applicant contact: {}{}", cause.getClass().getSimpleName(),
                    cause instanceof FeignException failed && failed.status() > 0 ? " " + failed.status() : "");
            throw DomainException.unavailable("CASE_HANDLING_UNAVAILABLE",
                    "case-handling cannot give the applicant's contact now; try again shortly");
        };
    }
}
