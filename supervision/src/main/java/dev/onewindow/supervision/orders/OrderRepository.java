package dev.onewindow.supervision.orders;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrderRepository extends MongoRepository<SupervisionOrder, String> {

    Page<SupervisionOrder> findAllByOrderByOpenedAtDesc(Pageable page);

    Page<SupervisionOrder> findByScopesOrderByOpenedAtDesc(String scope, Pageable page);

    Page<SupervisionOrder> findByDepartmentOrderByOpenedAtDesc(String department, Pageable page);

    Page<SupervisionOrder> findBySubjectIdOrderByOpenedAtDesc(String subjectId, Pageable page);

    Page<SupervisionOrder> findBySubjectIdAndScopesOrderByOpenedAtDesc(String subjectId, String scope, Pageable page);

    Page<SupervisionOrder> findBySubjectIdAndDepartmentOrderByOpenedAtDesc(String subjectId, String department,
            Pageable page);

    boolean existsByDepartmentAndSubjectId(String department, String subjectId);

    /** Through the sparse index on {@code escalateAt}: only open orders whose reply clock has run out. */
    List<SupervisionOrder> findByEscalateAtLessThanEqualOrderByEscalateAtAsc(Instant now, Pageable page);
}
