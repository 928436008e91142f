package dev.onewindow.elicense.license;

import java.util.Map;

/**
 * case-handling's licence face of an approved case: every face field of the case, the personal ones in full. It is
 * asked only for what the approval names ({@code personalLicenseFields}): personal data never travels on a topic, but
 * is fetched from the service that holds it, over an authenticated call, when the licence is sealed.
 */
public interface CaseFaces {

    /**
     * The face of case {@code caseId}.
     *
     * @throws dev.onewindow.platform.domain.InvalidInputException {@code LICENSE_FACE_NOT_FOUND} when case-handling
     *                                                        knows no face for the case (or refuses the request):
     *                                                        the approval can never be issued
     * @throws dev.onewindow.platform.domain.UnavailableException  {@code CASE_HANDLING_UNAVAILABLE} when case-handling
     *                                                        cannot answer now (down, slow, circuit open, our
     *                                                        credentials refused): worth retrying
     */
    Map<String, Object> faceOf(String caseId);
}
