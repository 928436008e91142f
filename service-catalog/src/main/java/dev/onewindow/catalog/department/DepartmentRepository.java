package dev.onewindow.catalog.department;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface DepartmentRepository extends MongoRepository<Department, String> {

    List<Department> findByRegionOrderByCode(String region, Limit limit);

    List<Department> findAllByOrderByCode(Limit limit);
}
