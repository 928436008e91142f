package dev.onewindow.dataexchange.grants;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface GrantRepository extends MongoRepository<Grant, String> {

    @Query("{ '$or': [ { 'consumerDepartment': ?0 }, { 'providerDepartment': ?0 } ] }")
    Page<Grant> findByParty(String department, Pageable page);

    Page<Grant> findByConsumerDepartmentOrderByGrantedAtDesc(String department, Pageable page);

    Page<Grant> findAllByOrderByGrantedAtDesc(Pageable page);

    /** Through the sparse {@code expiry_sweep} index: only grants whose expiry is still to be announced. */
    List<Grant> findByExpiryDueLessThanEqualOrderByExpiryDueAsc(Instant now, Pageable page);
}
