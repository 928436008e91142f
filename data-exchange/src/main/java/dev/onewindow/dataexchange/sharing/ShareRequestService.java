package dev.onewindow.dataexchange.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.grants.GrantService;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.ResourceService;
import dev.onewindow.dataexchange.resources.ShareType;
import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Share requests (共享申请). The consuming department's data stewards and admins file them; the providing department's
 * stewards decide conditional ones. Both parties' staff read them, auditors all; for anyone else a request is not
 * found. The grant is stored first under the request's id, then the request records it, so a repeated decision after
 * a crash between the two finds the grant already there.
 */
@Service
public class ShareRequestService {

    private final ShareRequestRepository requests;
    private final ResourceService resources;
    private final GrantService grants;
    private final CalendarSource calendar;
    private final DataExchangeProperties properties;
    private final Clock clock;

    ShareRequestService(ShareRequestRepository requests, ResourceService resources, GrantService grants,
            CalendarSource calendar, DataExchangeProperties properties, Clock clock) {
        this.requests = requests;
        this.resources = resources;
        this.grants = grants;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    public ShareRequest file(String resourceCode, ShareRequest.Ask ask, Caller caller) {
        if (!caller.hasAnyRole(Roles.DATA_STEWARD, Roles.DEPT_ADMIN) || caller.dept() == null
                || caller.region() == null) {
            throw DomainException.notAllowed("a data steward or admin of the consuming department files a request");
        }
        DataResource resource = resources.get(resourceCode);
        Instant now = clock.instant();
        ShareRequest.Ask capped = new ShareRequest.Ask(ask.fields(), ask.unmaskedFields(), ask.purpose(),
                ask.legalBasis(), cap(ask.validUntil(), now), ask.quota());
        ShareRequest r = ShareRequest.file(UUID.randomUUID().toString(), resource, caller.dept(), caller.region(),
                caller.username(), capped, properties.decision(), calendar.current(), now);
        if (resource.shareType() == ShareType.UNCONDITIONAL) {
            Grant grant = grants.issue(r.id(), r.termsAsAsked(r.validUntil(), quota(ask.quota(), null),
                    properties.quotaPeriod()), now);
            r.granted(grant, "system", calendar.current(), now);
        }
        return requests.save(r);
    }

    /** The providing department's decision on a conditional request. */
    public ShareRequest decide(String id, boolean approve, ShareRequest.Approval approval, String reason,
            Caller caller) {
        ShareRequest r = requests.findById(id).filter(found -> caller.hasRole(Roles.DATA_STEWARD)
                && caller.inDepartment(found.providerDepartment()))
                .orElseThrow(() -> DomainException.notFound("share request", id));
        Instant now = clock.instant();
        if (approve) {
            DataResource resource = resources.get(r.resourceCode());
            Instant until = approval.validUntil() == null ? r.validUntil() : cap(approval.validUntil(), now);
            if (until.isAfter(r.validUntil())) {
                throw DomainException.invalid("PERIOD_LONGER_THAN_ASKED", "a grant runs no longer than was asked");
            }
            Grant grant = grants.issue(r.id(), r.termsApproved(resource, approval, until,
                    quota(r.quota(), approval.quota()), properties.quotaPeriod()), now);
            r.granted(grant, caller.username(), calendar.current(), now);
        } else {
            if (reason == null || reason.isBlank()) {
                throw DomainException.invalid("REASON_REQUIRED", "a refusal says why (不予共享的，应说明理由)");
            }
            r.reject(caller.username(), reason, calendar.current(), now);
        }
        return requests.save(r);
    }

    public ShareRequest get(String id, Caller caller) {
        return requests.findById(id).filter(r -> caller.hasRole(Roles.AUDITOR) || caller.dept() != null
                && r.party(caller.dept())).orElseThrow(() -> DomainException.notFound("share request", id));
    }

    public Page<ShareRequest> list(Caller caller, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return requests.findAllByOrderByRequestedAtDesc(page);
        }
        return caller.dept() == null ? Page.empty(page)
                : requests.findByParty(caller.dept(), page.withSort(Sort.by(Sort.Direction.DESC, "requestedAt")));
    }

    public boolean overdue(ShareRequest r) {
        return r.overdue(calendar.current(), clock.instant());
    }

    private Instant cap(Instant asked, Instant now) {
        Instant longest = now.plus(properties.maxGrantPeriod());
        return asked == null || asked.isAfter(longest) ? longest : asked;
    }

    private int quota(Integer asked, Integer given) {
        int q = given != null ? given : asked != null ? asked : properties.defaultQuota();
        return Math.max(1, q);
    }
}
