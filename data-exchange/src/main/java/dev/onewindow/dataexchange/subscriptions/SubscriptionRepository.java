package dev.onewindow.dataexchange.subscriptions;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    List<Subscription> findByResourceCodeAndActiveTrue(String resourceCode);

    Page<Subscription> findByConsumerDepartmentOrderBySubscribedAtDesc(String department, Pageable page);
}
