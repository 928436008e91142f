package dev.onewindow.evaluation.rectifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface RectificationRepository extends MongoRepository<Rectification, String> {

    Optional<Rectification> findByRatingId(String ratingId);

    Page<Rectification> findByAttributionDepartmentOrderByDueAtAsc(String department, Pageable page);

    Page<Rectification> findAllByOrderByDueAtAsc(Pageable page);

    Page<Rectification> findByAttributionRegionStartingWithOrderByDueAtAsc(String regionPrefix, Pageable page);

    /** Through the sparse {@code overdue_sweep} index: only rectifications whose overdue event is still to come. */
    List<Rectification> findByOverdueAtLessThanOrderByOverdueAtAsc(Instant now, Pageable page);
}
