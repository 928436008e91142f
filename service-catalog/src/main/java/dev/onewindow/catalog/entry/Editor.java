package dev.onewindow.catalog.entry;

import dev.onewindow.platform.domain.DomainException;

/**
 * Who changes the catalog and what they may do: a catalog admin edits and publishes everything; a department admin
 * may draft entries of their own department only. Built from the caller's token (or the demo-data loader).
 */
public record Editor(String username, boolean catalogAdmin, boolean departmentAdmin, String department) {

    public static Editor system(String name) {
        return new Editor(name, true, false, null);
    }

    /** May create or change drafts of entries implemented by {@code departmentCode}. */
    public boolean mayDraftFor(String departmentCode) {
        return catalogAdmin || departmentAdmin && department != null && department.equals(departmentCode);
    }

    void requireDraftFor(String departmentCode) {
        if (!mayDraftFor(departmentCode)) {
            throw DomainException.notAllowed(departmentAdmin
                    ? "a department admin may draft entries of their own department (" + department + ") only"
                    : "only catalog admins and department admins draft entries");
        }
    }

    void requireCatalogAdmin(String action) {
        if (!catalogAdmin) {
            throw DomainException.notAllowed("only a catalog admin may " + action + " an entry");
        }
    }
}
