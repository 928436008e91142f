package dev.onewindow.dataexchange.objections;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface ObjectionRepository extends MongoRepository<Objection, String> {

    @Query("{ '$or': [ { 'consumerDepartment': ?0 }, { 'providerDepartment': ?0 } ] }")
    Page<Objection> findByParty(String department, Pageable page);

    Page<Objection> findAllByOrderByRaisedAtDesc(Pageable page);
}
