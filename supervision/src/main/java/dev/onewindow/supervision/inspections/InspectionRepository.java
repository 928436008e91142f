package dev.onewindow.supervision.inspections;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface InspectionRepository extends MongoRepository<Inspection, String> {

    Page<Inspection> findByScopesOrderByAnnouncedAtDesc(String scope, Pageable page);

    Page<Inspection> findAllByOrderByAnnouncedAtDesc(Pageable page);
}
