package dev.onewindow.catalog.item;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ServiceItemRepository extends MongoRepository<ServiceItem, String> {

    Page<ServiceItem> findByItemType(ItemType itemType, Pageable pageable);
}
