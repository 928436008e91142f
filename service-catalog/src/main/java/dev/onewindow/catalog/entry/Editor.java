package dev.onewindow.catalog.entry;

import dev.onewindow.platform.problem.ApiException;

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
            throw ApiException.forbidden(departmentAdmin
                    ? "a department admin may draft entries of their own department (" + department + ") only"
                    : "only catalog admins and department admins draft entries");
        }
    }

    void requireCatalogAdmin(String action) {
        if (!catalogAdmin) {
            throw ApiException.forbidden("only a catalog admin may " + action + " an entry");
        }
    }
}
