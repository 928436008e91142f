package dev.onewindow.supervision.watch;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AlertRepository extends MongoRepository<Alert, String> {

    Page<Alert> findAllByOrderByRaisedAtDesc(Pageable page);

    Page<Alert> findByScopesOrderByRaisedAtDesc(String scope, Pageable page);

    Page<Alert> findBySubjectIdOrderByRaisedAtDesc(String subjectId, Pageable page);

    Page<Alert> findBySubjectIdAndScopesOrderByRaisedAtDesc(String subjectId, String scope, Pageable page);
}
