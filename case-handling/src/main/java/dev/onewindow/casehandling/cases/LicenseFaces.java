package dev.onewindow.casehandling.cases;

import java.util.List;
import java.util.Map;

/**
 * What e-license (which owns the licence faces) says about the licence an entry issues: whether an application's
 * form can become its face, asked before anything is stored or redeemed, and which of the face's fields are
 * personal. {@code clients.elicense} implements it.
 */
public interface LicenseFaces {

    /**
     * Returns when the fields fit, or when e-license cannot check them now (the application then goes ahead
     * unchecked).
     *
     * @param licenseFields the face fields the form gives
     * @throws dev.onewindow.platform.domain.InvalidInputException {@code FORM_DOES_NOT_FIT_LICENSE} naming each field
     */
    void requireFits(String licenseType, Map<String, Object> licenseFields);

    /** The face fields of a licence type and which are personal, as e-license publishes them. */
    FaceSchema faceSchema(String licenseType);

    /**
     * A licence type's face: {@code KNOWN} with its fields; {@code UNKNOWN_TYPE} when e-license does not know the
     * type (no licence can be issued from it); {@code UNAVAILABLE} when e-license could not say (down, slow, open
     * circuit) — then nothing is known of which fields are personal.
     */
    record FaceSchema(Status status, List<FaceField> fields) {

        public enum Status { KNOWN, UNKNOWN_TYPE, UNAVAILABLE }

        public static final FaceSchema UNKNOWN_TYPE = new FaceSchema(Status.UNKNOWN_TYPE, List.of());
        public static final FaceSchema UNAVAILABLE = new FaceSchema(Status.UNAVAILABLE, List.of());

        public FaceSchema {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public static FaceSchema known(List<FaceField> fields) {
            return new FaceSchema(Status.KNOWN, fields);
        }

        public boolean known() {
            return status == Status.KNOWN;
        }
    }

    /** One field of a licence face; {@code personal} as e-license's type schema marks it. */
    record FaceField(String name, boolean personal) {
    }
}
