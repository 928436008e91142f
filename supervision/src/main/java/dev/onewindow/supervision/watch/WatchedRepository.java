package dev.onewindow.supervision.watch;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface WatchedRepository extends MongoRepository<Watched, String> {

    /** Through the sparse index on {@code nextFireAt}: only the matters with a clock whose instant has come. */
    List<Watched> findByNextFireAtLessThanEqualOrderByNextFireAtAsc(Instant now, Pageable page);

    /** Through the sparse index on {@code pendingSince}: only the matters with KPI counts still to apply. */
    List<Watched> findByPendingSinceLessThanEqualOrderByPendingSinceAsc(Instant before, Pageable page);
}
