package dev.onewindow.elicense.license;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface UsageRecordRepository extends MongoRepository<UsageRecord, String> {

    /** Uses index {@code holder_at}. */
    List<UsageRecord> findByHolderRefInOrderByAtDesc(Collection<String> holderRefs, Pageable page);
}
