package dev.onewindow.elicense.clients.casehandling;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * case-handling's licence face of a case (docs/service-contracts.md): answered only to e-license's own service
 * account (token {@code azp} {@code e-license}), which the platform's {@code TokenRelayInterceptor} sends from the
 * case-approval listener (no user is waiting there). A 4xx is decoded by the platform's {@code PeerErrorDecoder} into
 * a refusal that never trips the breaker; timeouts, connection failures, 5xx and a refusal of our own credentials
 * do, and end in {@link CaseHandlingFallbackFactory}. URL {@code onewindow.elicense.case-handling-url}; timeouts
 * {@code spring.cloud.openfeign.client.config.casehandling.*}; breaker and time limit the platform's
 * {@code onewindow.peers.*}.
 */
@FeignClient(name = "casehandling", url = "${onewindow.elicense.case-handling-url:http://localhost:8082}",
        fallbackFactory = CaseHandlingFallbackFactory.class)
interface CaseHandlingClient {

    @GetMapping("/api/v1/cases/{caseId}/license-face")
    LicenseFace licenseFace(@PathVariable("caseId") String caseId);
}
