package dev.onewindow.catalog.entry;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CatalogEntryRepository extends MongoRepository<CatalogEntry, String> {

    Page<CatalogEntry> findByDepartmentCodeAndStatus(String departmentCode, EntryStatus status, Pageable pageable);

    Page<CatalogEntry> findByDepartmentCode(String departmentCode, Pageable pageable);

    Page<CatalogEntry> findByStatus(EntryStatus status, Pageable pageable);
}
