package dev.onewindow.hotline.orders;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface WorkOrderRepository extends MongoRepository<WorkOrder, String> {

    Optional<WorkOrder> findByOrderNo(String orderNo);
}
