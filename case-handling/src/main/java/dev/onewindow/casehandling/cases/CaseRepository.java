package dev.onewindow.casehandling.cases;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Cases by id; scoped and paged reads are in {@link CaseQueries}. */
public interface CaseRepository extends MongoRepository<Case, String> {
}
