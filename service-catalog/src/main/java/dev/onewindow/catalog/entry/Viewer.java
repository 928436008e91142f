package dev.onewindow.catalog.entry;

/**
 * Who reads entries, for deciding which unpublished versions they may see: staff see drafts of their own department,
 * catalog admins and auditors see all; anyone else (also anonymous) only versions that were published.
 */
public record Viewer(boolean seesAllDrafts, String department) {

    public static final Viewer ANONYMOUS = new Viewer(false, null);

    public boolean maySeeDraftsOf(String departmentCode) {
        return seesAllDrafts || department != null && department.equals(departmentCode);
    }
}
