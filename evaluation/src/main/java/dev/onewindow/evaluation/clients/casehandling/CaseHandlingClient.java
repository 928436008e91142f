package dev.onewindow.evaluation.clients.casehandling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.onewindow.evaluation.clients.ServiceAccountAuthorization;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * case-handling's applicant contact of a case (docs/service-contracts.md): answered only to evaluation's service
 * account. A 4xx is the platform's {@code PeerErrorDecoder}'s refusal (never trips the breaker); timeouts, connection
 * failures, 5xx and a refusal of our own credentials do, and end in {@link CaseHandlingFallbackFactory}. URL
 * {@code onewindow.evaluation.case-handling-url}; timeouts {@code spring.cloud.openfeign.client.config.casehandling.*};
 * breaker and time limit the platform's {@code onewindow.peers.*}.
 */
@FeignClient(name = "casehandling", url = "${onewindow.evaluation.case-handling-url:http://localhost:8082}",
        configuration = ServiceAccountAuthorization.class, fallbackFactory = CaseHandlingFallbackFactory.class)
public interface CaseHandlingClient {

    @GetMapping("/api/v1/cases/{caseId}/applicant-contact")
    ApplicantContact applicantContact(@PathVariable("caseId") String caseId);

    /** case-handling's answer; other members ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApplicantContact(String caseId, String mobile) {
    }
}
