package dev.onewindow.dataexchange.resources;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ResourceRepository extends MongoRepository<DataResource, String> {

    Page<DataResource> findByProviderDepartmentOrderByCodeAsc(String department, Pageable page);

    Page<DataResource> findAllByOrderByCodeAsc(Pageable page);
}
