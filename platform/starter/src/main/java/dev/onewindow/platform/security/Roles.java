package dev.onewindow.platform.security;

/** Keycloak realm roles of OneWindow (docs/domain.md, "Roles"), as used in {@code @PreAuthorize("hasRole(...)")}. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String ENTERPRISE = "enterprise";
    public static final String WINDOW_OFFICER = "window-officer";
    public static final String REVIEWER = "reviewer";
    public static final String APPROVER = "approver";
    public static final String DEPT_ADMIN = "dept-admin";
    public static final String CATALOG_ADMIN = "catalog-admin";
    public static final String HOTLINE_AGENT = "hotline-agent";
    public static final String HOTLINE_DISPATCHER = "hotline-dispatcher";
    public static final String DEPT_HANDLER = "dept-handler";
    public static final String SUPERVISOR = "supervisor";
    public static final String EVAL_ADMIN = "eval-admin";
    public static final String DATA_STEWARD = "data-steward";
    public static final String DATA_CONSUMER = "data-consumer";
    public static final String PARTNER = "partner";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
