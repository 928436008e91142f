package dev.onewindow.dataexchange.sharing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface ShareRequestRepository extends MongoRepository<ShareRequest, String> {

    @Query("{ '$or': [ { 'consumerDepartment': ?0 }, { 'providerDepartment': ?0 } ] }")
    Page<ShareRequest> findByParty(String department, Pageable page);

    Page<ShareRequest> findAllByOrderByRequestedAtDesc(Pageable page);
}
