package dev.onewindow.elicense.license;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface LicenseRepository extends MongoRepository<License, String> {

    /** Uses index {@code holder_issued}. */
    List<License> findByHolderRefInOrderByIssuedAtDesc(Collection<String> holderRefs, Pageable page);

    /** Licences whose validity ended by {@code now} and is not announced yet, soonest first; index {@code next_expiry}. */
    List<License> findByNextExpiryAtLessThanEqualOrderByNextExpiryAtAsc(Instant now, Pageable page);
}
