package dev.onewindow.evaluation.rectifications;

/**
 * The contact of a rater who left no number with the rating, fetched on demand from the service that holds it —
 * case-handling for a case's applicant, hotline-12345 for a work order's caller — over an authenticated call as
 * evaluation's own service account (docs/decisions/0015): never stored, logged or published here. {@code clients}
 * implements it.
 */
public interface RaterContacts {

    /**
     * The number to call back the rater of {@code subjectId} ({@code CASE} or {@code WORK_ORDER}).
     *
     * @throws dev.onewindow.platform.domain.UnavailableException when the holding service cannot answer now (down,
     *                                                         slow, circuit open)
     */
    Contact of(String subjectType, String subjectId);

    /**
     * @param mobile   in clear; null when the holder has none, or withholds it
     * @param withheld the caller asked the hotline for confidentiality (保密): the hotline calls back itself
     */
    record Contact(String mobile, boolean withheld) {

        public static final Contact NONE = new Contact(null, false);
    }
}
