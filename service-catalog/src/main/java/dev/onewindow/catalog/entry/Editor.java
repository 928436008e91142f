package dev.onewindow.catalog.entry;

import dev.onewindow.platform.domain.DomainException;

/**
 * Who changes the catalog and what they may do: a catalog admin edits, reviews and publishes everything; a department
 * admin may draft entries of their own department only; a reviewer (审核) of a department may review — publish or
 * return — that department's entry versions. Built from the caller's token, or {@link #system()} for what the
 * service loads itself (the demo catalog), which is no person and needs no review.
 */
public record Editor(String username, boolean catalogAdmin, boolean departmentAdmin, String department,
        boolean reviewer, boolean isSystem) {

    /** The name a publication by the service itself records. */
    public static final String SYSTEM = "system";

    /** A person without the reviewer role. */
    public Editor(String username, boolean catalogAdmin, boolean departmentAdmin, String department) {
        this(username, catalogAdmin, departmentAdmin, department, false, false);
    }

    /** The service itself (reference and demo data): publishes without review, recorded as {@code system}. */
    public static Editor system() {
        return new Editor(SYSTEM, true, false, null, false, true);
    }

    /** May create or change drafts of entries implemented by {@code departmentCode}. */
    public boolean mayDraftFor(String departmentCode) {
        return catalogAdmin || departmentAdmin && department != null && department.equals(departmentCode);
    }

    /** May review (publish or return) versions of entries implemented by {@code departmentCode}. */
    public boolean mayReviewFor(String departmentCode) {
        return catalogAdmin || reviewer && department != null && department.equals(departmentCode);
    }

    void requireDraftFor(String departmentCode) {
        if (!mayDraftFor(departmentCode)) {
            throw DomainException.notAllowed(departmentAdmin
                    ? "a department admin may draft entries of their own department (" + department + ") only"
                    : "only catalog admins and department admins draft entries");
        }
    }

    void requireReviewFor(String departmentCode, String action) {
        if (!mayReviewFor(departmentCode)) {
            throw DomainException.notAllowed(reviewer
                    ? "a reviewer may " + action + " entries of their own department (" + department + ") only"
                    : "only catalog admins and the department's reviewers may " + action + " an entry");
        }
    }

    void requireCatalogAdmin(String action) {
        if (!catalogAdmin) {
            throw DomainException.notAllowed("only a catalog admin may " + action + " an entry");
        }
    }

    /** A catalog admin, as bundles need for every change. */
    public void requireCatalogAdminFor(String action) {
        if (!catalogAdmin) {
            throw DomainException.notAllowed("only a catalog admin may " + action + " a bundle");
        }
    }
}
