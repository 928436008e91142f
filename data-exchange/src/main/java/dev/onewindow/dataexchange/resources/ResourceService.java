package dev.onewindow.dataexchange.resources;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

import dev.onewindow.dataexchange.ShortLived;
import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The catalog (数据资源目录). Data stewards of the providing department register and maintain its resources; every
 * member of staff and every auditor reads the whole catalog (it is what other departments choose from).
 */
@Service
public class ResourceService {

    private final ResourceRepository resources;
    private final DataExchangeProperties properties;
    private final Clock clock;
    private final ShortLived<String, DataResource> forQueries;

    ResourceService(ResourceRepository resources, DataExchangeProperties properties, Clock clock) {
        this.resources = resources;
        this.properties = properties;
        this.clock = clock;
        this.forQueries = new ShortLived<>(properties.queryCacheTtl(), 10_000);
    }

    public DataResource register(String code, DataResource.Definition definition, Caller caller) {
        requireSteward(caller);
        if (resources.existsById(code)) {
            throw DomainException.conflict("RESOURCE_EXISTS", "the catalog already has a resource " + code);
        }
        DataResource r = DataResource.register(code, caller.dept(), caller.region(), definition, adapters(),
                clock.instant());
        try {
            return resources.insert(r);
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("RESOURCE_EXISTS", "the catalog already has a resource " + code);
        }
    }

    /** A steward of the providing department changes the definition of the version it read (else 409). */
    public DataResource update(String code, long expectedVersion, DataResource.Definition definition,
            Caller caller) {
        requireSteward(caller);
        DataResource r = resources.findById(code).filter(found -> caller.inDepartment(found.providerDepartment()))
                .orElseThrow(() -> DomainException.notFound("resource", code));
        if (!Objects.equals(r.version(), expectedVersion)) {
            throw DomainException.conflict("CONCURRENT_UPDATE", "the resource changed since version "
                    + expectedVersion + "; read it again").with("currentVersion", r.version());
        }
        r.update(definition, adapters(), clock.instant());
        DataResource saved = resources.save(r);
        forQueries.evict(code);
        return saved;
    }

    /** The resource a query reads (kept in memory for {@code query-cache-ttl}). */
    public DataResource forQuery(String code) {
        return forQueries.get(code, resources::findById).orElseThrow(() -> DomainException.notFound("resource", code));
    }

    public DataResource get(String code) {
        return resources.findById(code).orElseThrow(() -> DomainException.notFound("resource", code));
    }

    /** The whole catalog, or one providing department's resources. */
    public Page<DataResource> list(String providerDepartment, PageRequest page) {
        return providerDepartment == null ? resources.findAllByOrderByCodeAsc(page)
                : resources.findByProviderDepartmentOrderByCodeAsc(providerDepartment, page);
    }

    private Set<String> adapters() {
        return properties.providers().keySet();
    }

    private static void requireSteward(Caller caller) {
        if (!caller.hasRole(Roles.DATA_STEWARD) || caller.dept() == null || caller.region() == null) {
            throw DomainException.notAllowed("only a data steward of the providing department maintains its "
                    + "resources");
        }
    }
}
