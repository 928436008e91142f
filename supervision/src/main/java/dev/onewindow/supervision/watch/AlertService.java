package dev.onewindow.supervision.watch;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.supervision.RegionScopes;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** Reading alerts: supervisors see their region's (through the indexed region scopes), auditors all. */
@Service
public class AlertService {

    private final AlertRepository alerts;

    public AlertService(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** The caller's alerts, newest first; with {@code subjectId} only those on that matter (a case, an order …). */
    public Page<Alert> list(Caller caller, String subjectId, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return subjectId == null ? alerts.findAllByOrderByRaisedAtDesc(page)
                    : alerts.findBySubjectIdOrderByRaisedAtDesc(subjectId, page);
        }
        return RegionScopes.prefix(caller.region())
                .map(prefix -> subjectId == null ? alerts.findByScopesOrderByRaisedAtDesc(prefix, page)
                        : alerts.findBySubjectIdAndScopesOrderByRaisedAtDesc(subjectId, prefix, page))
                .orElse(Page.empty(page));
    }

    public Alert get(String id, Caller caller) {
        return alerts.findById(id)
                .filter(a -> caller.hasRole(Roles.AUDITOR) || caller.inRegion(a.regionCode()))
                .orElseThrow(() -> DomainException.notFound("alert", id));
    }
}
