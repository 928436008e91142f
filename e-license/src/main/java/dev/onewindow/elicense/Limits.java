package dev.onewindow.elicense;

/**
 * The bounds of what e-license accepts and answers, in one place: request validation, the domain's own checks (the
 * licence catalogue, the seal keys, the status lists) and the API documentation read them from here, so that every
 * documented limit is one that is enforced or that follows from one.
 */
public final class Limits {

    // ------------------------------------------------------------------------------------------------ identifiers

    /** Department codes ({@code SCJGJ}, the district bureau {@code YQSCJGJ}). */
    public static final String DEPARTMENT_CODE = "^[A-Z0-9]{2,20}$";
    public static final int DEPARTMENT_CODE_LENGTH = 20;
    /** Licence type codes of the catalogue ({@code SPJYXKZ}). */
    public static final String TYPE_CODE = "^[A-Z]{2,20}$";
    public static final int TYPE_CODE_LENGTH = 20;
    /** Administrative region codes ({@code 341302}). */
    public static final String REGION = "^[0-9]{6}$";
    public static final int REGION_LENGTH = 6;
    /** Licence ids: type code + issuing region + 8-digit serial ({@code SPJYXKZ34130200000012}). */
    public static final String LICENSE_ID = "^[A-Z]{2,20}[0-9]{14}$";
    public static final int LICENSE_ID_LENGTH = TYPE_CODE_LENGTH + REGION_LENGTH + 8;
    /** Holder references: the cluster-wide keyed hash of an ID number or credit code, 64 lowercase hex digits. */
    public static final String HOLDER_REF = "^[0-9a-f]{64}$";
    public static final int HOLDER_REF_LENGTH = 64;
    /** A resident ID number or a unified social credit code (checked, trimmed and normalised by the domain). */
    public static final int ID_NUMBER_LENGTH = 18;
    /** A case reference: case-handling's case id (service contract: at most 64 characters). */
    public static final int CASE_REF_LENGTH = 64;
    /** Authorization codes: base64url; the service hands out 43 characters (256 bits). */
    public static final String AUTHORIZATION_CODE = "^[A-Za-z0-9_-]+$";
    public static final int AUTHORIZATION_CODE_LENGTH = 100;
    /** Seal key ids, configured ({@code scjgj-2026-1}) or generated ({@code SCJGJ-dev-es256}). */
    public static final String KID = "^[A-Za-z0-9._-]+$";
    public static final int KID_LENGTH = 64;
    /** Who read a licence: a Keycloak username or client id (Keycloak stores at most 255 characters). */
    public static final int READER_LENGTH = 255;
    /** A client's {@code Idempotency-Key}: visible ASCII (an empty key would make unrelated issues one). */
    public static final String IDEMPOTENCY_KEY = "^[!-~]+$";
    public static final int IDEMPOTENCY_KEY_LENGTH = 100;

    // ------------------------------------------------------------------------------------------------ the catalogue

    /** Licence types in the catalogue. */
    public static final int LICENSE_TYPES = 500;
    /** Distinct issuing departments across the catalogue. */
    public static final int DEPARTMENTS = 200;
    /** Issuing departments of one licence type. */
    public static final int ISSUING_DEPARTMENTS = 20;
    public static final int TYPE_NAME_LENGTH = 100;
    /** Face fields of one licence type, and fields in one issue or reissue request. */
    public static final int FACE_FIELDS = 100;
    /** A face field's name (camelCase), as named in requests, authorizations and the canonical form. */
    public static final String FIELD_NAME = "^[a-z][A-Za-z0-9]*$";
    public static final int FIELD_NAME_LENGTH = 40;
    public static final int FIELD_LABEL_LENGTH = 100;
    /** A text value on a licence face (also each allowed value of a field). */
    public static final int FIELD_TEXT_LENGTH = 2000;
    /** Allowed values of one text field. */
    public static final int ALLOWED_VALUES = 100;
    /** A licence type's validity: an ISO-8601 period of years, months, weeks and days ({@code P5Y}). */
    public static final String VALIDITY = "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$";
    public static final int VALIDITY_LENGTH = 20;
    /**
     * Fields of a form checked against a licence face. A case-handling form is at most 64 KiB of JSON, and a member
     * takes at least 6 bytes of it, so no form has more.
     */
    public static final int FORM_FIELDS = 16_384;

    // ------------------------------------------------------------------------------------------------ requests

    /** Items of one page of the holder's licences or usage records. */
    public static final int PAGE_SIZE = 200;
    public static final int REASON_LENGTH = 500;
    public static final int PURPOSE_LENGTH = 200;
    /** Licences in one authorization. */
    public static final int AUTHORIZATION_LICENSES = 20;
    /** Field names in one authorization. */
    public static final int AUTHORIZATION_FIELDS = 50;
    /** A licence QR token as accepted for verification (the service's own tokens are far shorter). */
    public static final int QR_TOKEN_LENGTH = 2048;

    // ------------------------------------------------------------------------------------------------ seals and lists

    /** Configured seal keys of one department (the active one and those retired by rotations). */
    public static final int KEYS_PER_DEPARTMENT = 10;
    /**
     * Published seal keys: configured ones (at most {@link #DEPARTMENTS} departments of {@link #KEYS_PER_DEPARTMENT}
     * keys) and, on the local profile, one generated key per algorithm for each of at most {@link #DEPARTMENTS}
     * issuing departments.
     */
    public static final int PUBLISHED_KEYS = DEPARTMENTS * KEYS_PER_DEPARTMENT + DEPARTMENTS * 2;
    /** A P-256 or SM2 signature {@code r || s} (64 bytes), base64url. */
    public static final int SIGNATURE_LENGTH = 86;
    /** A P-256 or SM2 public key coordinate (32 bytes), base64url. */
    public static final int COORDINATE_LENGTH = 43;
    public static final String BASE64URL = "^[A-Za-z0-9_-]+$";
    /** Bits of a status list at most (a multiple of 8 that a Java array can hold). */
    public static final int STATUS_LIST_BITS = Integer.MAX_VALUE - 7;
    private static final int STATUS_LIST_BYTES = STATUS_LIST_BITS / 8;
    /** zlib's deflate bound plus the GZIP header and trailer: the most a list of that size compresses to. */
    private static final int GZIP_BOUND = STATUS_LIST_BYTES + (STATUS_LIST_BYTES >> 12) + (STATUS_LIST_BYTES >> 14)
            + (STATUS_LIST_BYTES >> 25) + 13 + 18;
    /** {@code u} + base64url(GZIP(bits)) of the largest list. */
    public static final int ENCODED_LIST_LENGTH = 1 + (4 * GZIP_BOUND + 2) / 3;

    // ------------------------------------------------------------------------------------------------ answers

    /** An ISO date ({@code 2026-03-02}). */
    public static final int DATE_LENGTH = 10;
    /** An ISO instant ({@code 2026-03-02T02:00:00.123Z}; nanoseconds at most). */
    public static final int INSTANT_LENGTH = 30;

    private Limits() {
    }
}
