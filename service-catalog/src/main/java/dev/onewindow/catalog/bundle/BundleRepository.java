package dev.onewindow.catalog.bundle;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface BundleRepository extends MongoRepository<Bundle, String> {

    Page<Bundle> findByStatus(BundleStatus status, Pageable pageable);

    /** Bundles of a status that contain the entry (array membership). */
    List<Bundle> findByMemberCodesAndStatus(String memberCode, BundleStatus status);
}
