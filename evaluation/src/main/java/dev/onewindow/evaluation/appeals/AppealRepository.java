package dev.onewindow.evaluation.appeals;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AppealRepository extends MongoRepository<Appeal, String> {

    boolean existsByRatingId(String ratingId);

    /** Through the sparse {@code overdue_sweep} index: only pending appeals whose overdue event is still to come. */
    java.util.List<Appeal> findByOverdueAtLessThanOrderByOverdueAtAsc(java.time.Instant now, Pageable page);

    Page<Appeal> findByStatusOrderByDueAtAsc(AppealStatus status, Pageable page);

    Page<Appeal> findByStatusAndRegionStartingWithOrderByDueAtAsc(AppealStatus status, String regionPrefix,
            Pageable page);
}
