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

    /** Through the sparse {@code confirmation_sweep} index: only fed-back rectifications waiting for the rater. */
    List<Rectification> findByConfirmByLessThanEqualOrderByConfirmByAsc(Instant now, Pageable page);
}
