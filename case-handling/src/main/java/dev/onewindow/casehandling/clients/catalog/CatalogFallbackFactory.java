package dev.onewindow.casehandling.clients.catalog;

import java.util.Optional;

import dev.onewindow.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * The stated fallback when service-catalog cannot answer (down, slow, circuit open): a submission cannot be judged
 * without its entry version, so the caller is told the catalog is unavailable ({@code CATALOG_UNAVAILABLE}) and
 * nothing is stored. There is no cached copy to fall back on on purpose — a stale entry could accept a case under
 * rules that were withdrawn.
 */
@Component
class CatalogFallbackFactory implements FallbackFactory<CatalogClient> {

    private static final Logger log = LoggerFactory.getLogger(CatalogFallbackFactory.class);

    @Override
    public CatalogClient create(Throwable cause) {
        return new CatalogClient() {
            @Override
            public Optional<CatalogEntry> currentEntry(String implementationCode) {
                throw unavailable(cause);
            }

            @Override
            public Optional<CatalogEntry> entryVersion(String implementationCode, int version) {
                throw unavailable(cause);
            }

            @Override
            public Optional<CatalogBundle> bundle(String bundleCode) {
                throw unavailable(cause);
            }
        };
    }

    private static RuntimeException unavailable(Throwable cause) {
        if (cause instanceof DomainException answered) {
            return answered;
        }
        log.warn("service-catalog unavailable: {}", cause.toString());
        return DomainException.unavailable("CATALOG_UNAVAILABLE",
                "the service catalog is unavailable; try again in a few minutes");
    }
}
