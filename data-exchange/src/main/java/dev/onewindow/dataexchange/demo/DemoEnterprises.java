package dev.onewindow.dataexchange.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * LOCAL PROFILE ONLY: the demo 市场监管 registry's enterprises (the demo enterprise of e-license's 营业执照 among them),
 * as the provider's own system holds them — with more fields than the catalog lists, which data-exchange removes.
 */
@Component
@ConditionalOnProperty(name = "onewindow.dataexchange.demo-provider.enabled", havingValue = "true")
public class DemoEnterprises {

    private final Map<String, Map<String, Object>> byUscc = new ConcurrentHashMap<>();

    public DemoEnterprises() {
        add("91341302MA2T4K7B8P", "宿州市埇桥区示范餐饮有限公司", "有限责任公司", "赵强", 50, "2019-05-20",
                "安徽省宿州市埇桥区银河一路18号", "存续");
    }

    /** Adds (or replaces) an enterprise; also what the benchmark fills the registry with. */
    public void add(String uscc, String name, String type, String legalRepresentative, int capital,
            String establishedOn, String address, String status) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("uscc", uscc);
        e.put("entityName", name);
        e.put("entityType", type);
        e.put("legalRepresentative", legalRepresentative);
        e.put("registeredCapital", capital);
        e.put("establishedOn", establishedOn);
        e.put("address", address);
        e.put("status", status);
        e.put("legalRepresentativeMobile", "13805571234"); // held by the provider, not in the catalog
        byUscc.put(uscc, Map.copyOf(e));
    }

    public Optional<Map<String, Object>> find(String uscc) {
        return Optional.ofNullable(byUscc.get(uscc)).map(LinkedHashMap::new);
    }
}
