package dev.onewindow.catalog.bundle.web;

import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.web.Callers;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;

/** Who the caller of a bundle endpoint is to the domain: a catalog admin (the controller lets no one else write). */
final class BundleCallers {

    private BundleCallers() {
    }

    /** A person, never the system. */
    static Editor editor(Caller caller) {
        return new Editor(Callers.name(caller), caller.hasRole(Roles.CATALOG_ADMIN), false, caller.dept());
    }
}
