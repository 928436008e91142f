package dev.onewindow.casehandling.clients.catalog;

import java.util.Optional;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * service-catalog's published entries and bundles (docs/service-contracts.md). A 404 is an answer ("no such
 * entry"), not a failure: {@code dismiss404} turns it into an empty {@link Optional} that does not trip the breaker.
 * Any other 4xx (the catalog refusing a code it does not accept) is the caller's refusal, decoded by the platform's
 * default {@code PeerErrorDecoder}, and does not trip it either; timeouts, connection failures and 5xx do.
 * Timeouts: {@code spring.cloud.openfeign.client.config.catalog.*}; breaker and time limit: the platform's {@code onewindow.peers.*}.
 */
@FeignClient(name = "catalog", url = "${onewindow.casehandling.catalog-url:http://localhost:8081}", dismiss404 = true,
        fallbackFactory = CatalogFallbackFactory.class)
public interface CatalogClient {

    /** The current published version of an entry. */
    @GetMapping("/api/v1/catalog/entries/{implementationCode}")
    Optional<CatalogEntry> currentEntry(@PathVariable("implementationCode") String implementationCode);

    /** One version of an entry, whatever its status now. */
    @GetMapping("/api/v1/catalog/entries/{implementationCode}/versions/{version}")
    Optional<CatalogEntry> entryVersion(@PathVariable("implementationCode") String implementationCode,
            @PathVariable("version") int version);

    @GetMapping("/api/v1/catalog/bundles/{bundleCode}")
    Optional<CatalogBundle> bundle(@PathVariable("bundleCode") String bundleCode);
}
