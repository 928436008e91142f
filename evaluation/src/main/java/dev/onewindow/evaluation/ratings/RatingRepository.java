package dev.onewindow.evaluation.ratings;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface RatingRepository extends MongoRepository<Rating, String> {

    Optional<Rating> findBySubjectTypeAndSubjectIdAndStage(SubjectType type, String subjectId, Stage stage);

    List<Rating> findBySubjectTypeAndSubjectIdAndStatus(SubjectType type, String subjectId, RatingStatus status);

    Page<Rating> findByRaterRefsInAndStatusOrderByInvitedAtDesc(List<String> refs, RatingStatus status,
            Pageable page);

    Page<Rating> findByDepartmentAndStatusOrderByRatedAtDesc(String department, RatingStatus status, Pageable page);

    /** Through the sparse {@code reminders} index: only invitations whose reminder is still to come. */
    List<Rating> findByRemindAtLessThanOrderByRemindAtAsc(java.time.Instant now, Pageable page);

    Page<Rating> findByStatusOrderByRatedAtDesc(RatingStatus status, Pageable page);

    Page<Rating> findByRegionStartingWithAndStatusOrderByRatedAtDesc(String regionPrefix, RatingStatus status,
            Pageable page);
}
