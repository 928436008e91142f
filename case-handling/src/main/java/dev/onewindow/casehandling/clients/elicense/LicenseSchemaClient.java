package dev.onewindow.casehandling.clients.elicense;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * e-license's public licence type schema (docs/service-contracts.md: {@code GET /api/v1/licenses/types/{code}}): the
 * face fields and which of them are personal. A 404 (a type e-license does not know) is an answer, an empty
 * {@link Optional}, that does not trip the breaker; when e-license cannot answer, {@link LicenseSchemaFallbackFactory}
 * answers {@code null} ("could not say").
 */
@FeignClient(name = "license-schemas", url = "${onewindow.casehandling.elicense-url:http://localhost:8083}",
        dismiss404 = true, fallbackFactory = LicenseSchemaFallbackFactory.class)
public interface LicenseSchemaClient {

    @GetMapping("/api/v1/licenses/types/{code}")
    Optional<LicenseType> type(@PathVariable("code") String typeCode);

    /** The fields of e-license's licence type this service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LicenseType(String code, List<Field> fields) {
        public LicenseType {
            fields = fields == null ? List.of() : fields.stream().filter(java.util.Objects::nonNull).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Field(String name, Boolean personal) {
    }
}
