package dev.onewindow.casehandling.clients.elicense;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * e-license's holder-authorization redemption (免证办, docs/service-contracts.md). The bearer is passed explicitly:
 * the call runs on the breaker's thread, and e-license must see case-handling's service account (a trusted
 * redeemer) rather than whichever citizen submitted. 4xx answers are decoded into the applicant's refusal by
 * {@link ELicenseErrorDecoder}; anything else ends in {@link ELicenseFallbackFactory}'s "unavailable".
 */
@FeignClient(name = "elicense", url = "${onewindow.casehandling.elicense-url:http://localhost:8083}",
        configuration = ELicenseClientConfiguration.class, fallbackFactory = ELicenseFallbackFactory.class)
public interface ELicenseClient {

    @PostMapping("/api/v1/licenses/authorizations/{code}/redeem")
    RedeemResponse redeem(@RequestHeader(HttpHeaders.AUTHORIZATION) String bearer, @PathVariable("code") String code,
            @RequestBody RedeemRequest request);

    record RedeemRequest(String departmentCode, String caseRef) {
    }
}
