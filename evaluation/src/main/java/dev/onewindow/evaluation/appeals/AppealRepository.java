package dev.onewindow.evaluation.appeals;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AppealRepository extends MongoRepository<Appeal, String> {

    boolean existsByRatingId(String ratingId);

    Page<Appeal> findByStatusOrderByDueAtAsc(AppealStatus status, Pageable page);

    Page<Appeal> findByStatusAndRegionStartingWithOrderByDueAtAsc(AppealStatus status, String regionPrefix,
            Pageable page);
}
