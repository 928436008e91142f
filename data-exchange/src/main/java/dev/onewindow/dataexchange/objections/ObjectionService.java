package dev.onewindow.dataexchange.objections;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.grants.GrantService;
import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Objections (数据疑义): raised by the consuming department (its system or stewards) under a grant of its own — also
 * one that has since ended, as a wrong record may show later; answered by the providing department's stewards on the
 * clock. Both parties' staff read them, auditors all; the record's key is opened for the parties' stewards only.
 */
@Service
public class ObjectionService {

    private final ObjectionRepository objections;
    private final GrantService grants;
    private final FieldCipher cipher;
    private final CalendarSource calendar;
    private final DataExchangeProperties properties;
    private final Clock clock;

    ObjectionService(ObjectionRepository objections, GrantService grants, FieldCipher cipher,
            CalendarSource calendar, DataExchangeProperties properties, Clock clock) {
        this.objections = objections;
        this.grants = grants;
        this.cipher = cipher;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    public Objection raise(String grantId, String accessId, String recordKey, List<String> fields,
            String description, Caller caller) {
        Grant grant = grants.find(grantId).filter(g -> caller.inDepartment(g.consumerDepartment())
                && caller.hasAnyRole(Roles.DATA_CONSUMER, Roles.DATA_STEWARD))
                .orElseThrow(() -> DomainException.notFound("grant", grantId));
        String id = UUID.randomUUID().toString();
        String sealed = recordKey == null ? null : cipher.encrypt(recordKey, "objection:" + id + ":key");
        Objection o = Objection.raise(id, grant, accessId, sealed, fields, description, caller.username(),
                properties.objection(), calendar.current(), clock.instant());
        return objections.save(o);
    }

    public Objection resolve(String id, Resolution resolution, String reply, Caller caller) {
        Objection o = objections.findById(id).filter(found -> caller.hasRole(Roles.DATA_STEWARD)
                && caller.inDepartment(found.providerDepartment()))
                .orElseThrow(() -> DomainException.notFound("objection", id));
        o.resolve(resolution, reply, caller.username(), calendar.current(), clock.instant());
        return objections.save(o);
    }

    public Objection get(String id, Caller caller) {
        return objections.findById(id).filter(o -> caller.hasRole(Roles.AUDITOR)
                || caller.dept() != null && o.party(caller.dept()))
                .orElseThrow(() -> DomainException.notFound("objection", id));
    }

    public Page<Objection> list(Caller caller, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return objections.findAllByOrderByRaisedAtDesc(page);
        }
        return caller.dept() == null ? Page.empty(page)
                : objections.findByParty(caller.dept(), page.withSort(Sort.by(Sort.Direction.DESC, "raisedAt")));
    }

    /** The record's key in clear for a steward of either party; null for everyone else. */
    public String keyFor(Objection o, Caller caller) {
        if (o.keySealed() == null || caller.dept() == null || !o.party(caller.dept())
                || !caller.hasRole(Roles.DATA_STEWARD)) {
            return null;
        }
        return cipher.decrypt(o.keySealed(), "objection:" + o.id() + ":key");
    }

    public boolean overdue(Objection o) {
        return o.overdue(calendar.current(), clock.instant());
    }

}
