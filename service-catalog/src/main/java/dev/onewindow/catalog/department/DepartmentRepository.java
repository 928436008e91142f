package dev.onewindow.catalog.department;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface DepartmentRepository extends MongoRepository<Department, String> {

    List<Department> findByRegionOrderByCode(String region);

    List<Department> findAllByOrderByCode();
}
