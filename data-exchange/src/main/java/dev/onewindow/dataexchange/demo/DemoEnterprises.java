package dev.onewindow.dataexchange.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * LOCAL PROFILE ONLY: the demo 市场监管 registry's enterprises (the demo enterprise of e-license's 营业执照 among them),
 * kept in the registry's own collection ({@code demo_scjgj_enterprises}) and looked up by USCC as a provider's system
 * would — with more fields than the catalog lists, which data-exchange removes.
 */
@Component
@ConditionalOnProperty(name = "onewindow.dataexchange.demo-provider.enabled", havingValue = "true")
public class DemoEnterprises {

    private final MongoCollection<Document> registry;

    public DemoEnterprises(MongoTemplate mongo) {
        this.registry = mongo.getCollection("demo_scjgj_enterprises");
        add("91341302MA2T4K7B8P", "宿州市埇桥区示范餐饮有限公司", "有限责任公司", "赵强", 50, "2019-05-20",
                "安徽省宿州市埇桥区银河一路18号", "存续");
    }

    /** Adds (or replaces) an enterprise of the registry. */
    public void add(String uscc, String name, String type, String legalRepresentative, int capital,
            String establishedOn, String address, String status) {
        Document e = new Document("_id", uscc).append("uscc", uscc).append("entityName", name)
                .append("entityType", type).append("legalRepresentative", legalRepresentative)
                .append("registeredCapital", capital).append("establishedOn", establishedOn).append("address", address)
                .append("status", status)
                .append("legalRepresentativeMobile", "13805571234"); // held by the provider, not in the catalog
        registry.replaceOne(Filters.eq("_id", uscc), e, new ReplaceOptions().upsert(true));
    }

    public Optional<Map<String, Object>> find(String uscc) {
        Document found = registry.find(Filters.eq("_id", uscc)).first();
        if (found == null) {
            return Optional.empty();
        }
        Map<String, Object> e = new LinkedHashMap<>(found);
        e.remove("_id");
        return Optional.of(e);
    }
}
