package dev.onewindow.catalog.web;

import dev.onewindow.platform.web.Paging;

/**
 * Numbers of the HTTP API itself rather than rules of the catalog (those are {@code limits}): paging, dates and
 * instants as text, revisions and counts. Request validation and the documented bounds of every answer use them.
 */
public final class ApiBounds {

    /** Highest page number a list answers (0-based). */
    public static final int PAGE_MAX = Paging.MAX_PAGE;
    /** Largest page, and the default one. */
    public static final int PAGE_SIZE_MAX = 100;
    public static final String PAGE_SIZE_DEFAULT = "20";
    /** An ISO-8601 date, {@code 2026-02-14}. */
    public static final int DATE = 10;
    /** An ISO-8601 instant in UTC with up to nanoseconds, {@code 2026-02-14T01:02:03.123456789Z}. */
    public static final int INSTANT = 30;
    /** The largest revision (an aggregate's optimistic-locking version) and the largest count of records. */
    public static final String LONG_MAX = "9223372036854775807";
    /** An {@code If-Match} header: the ETag of a revision as answered, {@code "7"} (weak or {@code *} are accepted). */
    public static final int IF_MATCH = 32;
    public static final String IF_MATCH_FORMAT = "\\*|(W/)?\"[0-9]{1,19}\"";

    /** A person's user name as a change records it (Keycloak's limit), or the token's subject. */
    public static final int USERNAME = 255;

    private ApiBounds() {
    }
}
