package dev.onewindow.elicense.licensetype;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.onewindow.elicense.Limits;
import dev.onewindow.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licence catalogue. The seed ({@code seed/license-types.json}, matching the catalog's demo result types) is
 * written at start — idempotently, replacing each seeded type by code — before any consumer or request runs, then
 * every type is held in memory: types change with releases, and issuing must not wait on a read for them.
 */
@Component
public class LicenseTypes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LicenseTypes.class);
    static final String SEED = "seed/license-types.json";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private volatile Map<String, LicenseType> byCode = Map.of();

    public LicenseTypes(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Override
    public void afterPropertiesSet() {
        List<LicenseType> seed = seed(json);
        seed.forEach(mongo::save);
        Map<String, LicenseType> loaded = new TreeMap<>();
        mongo.findAll(LicenseType.class).forEach(type -> loaded.put(type.code(), type));
        long departments = loaded.values().stream().flatMap(type -> type.issuingDepartments().stream()).distinct()
                .count();
        if (loaded.size() > Limits.LICENSE_TYPES || departments > Limits.DEPARTMENTS) {
            throw new IllegalStateException("the licence catalogue has " + loaded.size() + " types of " + departments
                    + " issuing departments; at most " + Limits.LICENSE_TYPES + " and " + Limits.DEPARTMENTS);
        }
        byCode = Map.copyOf(loaded);
        log.info("licence catalogue: {} types ({} seeded)", loaded.size(), seed.size());
    }

    static List<LicenseType> seed(JsonMapper json) {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return json.readValue(in, new TypeReference<List<LicenseType>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<LicenseType> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** The type, or invalid input {@code UNKNOWN_LICENSE_TYPE}. */
    public LicenseType require(String code) {
        return find(code).orElseThrow(() -> DomainException.invalid("UNKNOWN_LICENSE_TYPE",
                "there is no licence type " + code));
    }

    public Collection<LicenseType> all() {
        return byCode.values();
    }
}
