package dev.onewindow.casehandling.clients.elicense;

import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * e-license's face check (docs/service-contracts.md): whether an application's form gives every field the licence
 * of its entry will print. A 400 becomes the applicant's problem ({@link LicenseTypeErrorDecoder}); when e-license
 * cannot answer, {@link LicenseTypeFallbackFactory} answers {@code null} ("not checked").
 */
@FeignClient(name = "license-types", url = "${onewindow.casehandling.elicense-url:http://localhost:8083}",
        configuration = LicenseTypeClientConfiguration.class, fallbackFactory = LicenseTypeFallbackFactory.class)
public interface LicenseTypeClient {

    @PostMapping("/api/v1/licenses/types/{code}/check")
    FaceCheck check(@PathVariable("code") String typeCode, @RequestBody FaceCheckRequest request);

    record FaceCheckRequest(Map<String, Object> fields) {
    }

    record FaceCheck(String typeCode, boolean fits) {
    }
}
