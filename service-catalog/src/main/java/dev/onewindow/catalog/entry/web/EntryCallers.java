package dev.onewindow.catalog.entry.web;

import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.Viewer;
import dev.onewindow.catalog.web.Callers;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;

/** Who the caller of an entry endpoint is to the domain: an {@link Editor} of drafts, a {@link Viewer} of versions. */
final class EntryCallers {

    private EntryCallers() {
    }

    /**
     * Catalog admins edit and review every department's entries, department admins draft and reviewers review their
     * own department's (token {@code dept}). A person, never the system.
     */
    static Editor editor(Caller caller) {
        return new Editor(Callers.name(caller), caller.hasRole(Roles.CATALOG_ADMIN), caller.hasRole(Roles.DEPT_ADMIN),
                caller.dept(), caller.hasRole(Roles.REVIEWER), false);
    }

    /** The viewer of a public read: anonymous unless the request carried a valid token. */
    static Viewer viewer() {
        return Callers.optional().map(EntryCallers::viewer).orElse(Viewer.ANONYMOUS);
    }

    /** Catalog admins and auditors see every draft, other staff their own department's. */
    static Viewer viewer(Caller caller) {
        return new Viewer(caller.hasAnyRole(Roles.CATALOG_ADMIN, Roles.AUDITOR), caller.dept());
    }
}
