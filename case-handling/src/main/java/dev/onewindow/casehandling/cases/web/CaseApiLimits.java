package dev.onewindow.casehandling.cases.web;

import dev.onewindow.casehandling.files.StoredFile;

/**
 * The bounds of the case API, written once. Request limits are enforced (Bean Validation, or the page check);
 * response bounds follow from the request limits, from what the service itself writes, or from the peers' own caps
 * (docs/service-contracts.md). Limits a city may configure are documented as the shipped configuration
 * ({@code application.yml}) sets them.
 */
final class CaseApiLimits {

    // -------------------------------------------------------------------------------------------- identifiers

    /** Case ids are UUIDs, made by this service. */
    static final int ID = 36;
    static final String ID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** 办件编号: region (6 digits), day ({@code yyyyMMdd}) and an 8-digit daily sequence. */
    static final int CASE_NO = 22;
    static final String CASE_NO_PATTERN = "^[0-9]{22}$";
    /** Implementation, bundle and material codes as the catalog writes them; upper-case letters and digits. */
    static final int CODE = 64;
    static final String CODE_PATTERN = "^[A-Za-z0-9_-]+$";
    static final int MATERIAL_CODE = 32;
    /** The catalog's department codes ({@code [A-Z0-9]{2,20}}) and 6-digit region codes. */
    static final int DEPARTMENT = 20;
    static final String DEPARTMENT_PATTERN = "^[A-Z0-9]{2,20}$";
    static final int REGION = 6;
    static final String REGION_PATTERN = "^[0-9]{6}$";
    /** Uploaded files are named by the id the upload answered; their metadata as the file store keeps it. */
    static final int FILE_ID = 64;
    static final int FILE_NAME = StoredFile.MAX_NAME;
    static final int CONTENT_TYPE = StoredFile.MAX_CONTENT_TYPE;
    static final long FILE_BYTES = StoredFile.MAX_BYTES;
    /**
     * e-license's opaque single-use authorization codes, as e-license accepts them (letters, digits, '_' and '-', at
     * most 100): refused here, before any other material's code is redeemed, rather than by e-license.
     */
    static final int AUTHORIZATION = 100;
    /** e-license's licence ids (type, region, serial; e-license refuses longer ones) and type codes. */
    static final int LICENSE_ID = 64;
    static final String LICENSE_ID_PATTERN = "^[A-Za-z0-9_-]+$";
    static final int LICENSE_TYPE = 20;
    static final String LICENSE_TYPE_PATTERN = "^[A-Z0-9]{2,20}$";
    static final int LICENSE_STATUS = 32;
    /** Upper-case names: licence statuses, 秒批 rule types, history actions. */
    static final String UPPER_NAME_PATTERN = "^[A-Z_]+$";
    /** A Keycloak user id or name, or {@code system}; realm roles and history actions are short names. */
    static final int USER = 255;
    static final int NAME_TOKEN = 32;
    /** A realm role ({@code window-officer}), {@code applicant} or {@code system}. */
    static final String ROLE_PATTERN = "^[a-z-]+$";
    /** A media type as the upload stored it (lower case, without parameters). */
    static final String CONTENT_TYPE_PATTERN = "^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$";

    // -------------------------------------------------------------------------------------------- text

    static final int APPLICANT_NAME = 100;
    static final int AGENT_NAME = 50;
    static final int ID_NUMBER = 18;
    static final int USCC = 18;
    static final int MOBILE = 11;
    /** How answers show them: a checked USCC, and ID and mobile numbers masked ({@code Masking}). */
    static final String USCC_PATTERN = "^[0-9A-HJ-NPQRTUWXY]{18}$";
    static final String MASKED_ID_NUMBER_PATTERN = "^[0-9]{6}[*]{8}[0-9X]{4}$|^[0-9]{6}[*]{5}[0-9]{4}$";
    static final String MASKED_MOBILE_PATTERN = "^1[0-9]{2}[*]{4}[0-9]{4}$";
    /** Reasons, remedies and comments. */
    static final int TEXT = 1000;
    static final int PROCEDURE = 100;
    static final int SUPPLEMENT_ITEM = 500;
    /** A supplement request names at most 50 items. */
    static final int SUPPLEMENT_ITEMS = 50;
    /** The catalog caps entry names at 200 characters and bundle names at 100. */
    static final int ITEM_NAME = 200;
    /** The catalog's form field names and licence types (a 秒批 rule's subject) and 秒批 rule set versions. */
    static final int FORM_FIELD = 50;
    static final String RULE_SUBJECT_PATTERN = "^[A-Za-z0-9_.]+$";
    static final String RULE_SET_VERSION_PATTERN = "^[A-Za-z0-9._-]{0,20}$";
    static final int RULE_SET_VERSION = 20;
    /** A paused clock's reason: {@code 特别程序 <procedure>: <reason>}, or the supplement's. */
    static final int PAUSE_REASON = PROCEDURE + TEXT + 16;
    /** A history comment: at most every supplement item with its material code, and the comment. */
    static final int HISTORY_COMMENT = SUPPLEMENT_ITEMS * (MATERIAL_CODE + SUPPLEMENT_ITEM + 4) + TEXT;
    /**
     * Why a 秒批 rule failed: a sentence naming the rule's field or licence type and, for a range, the form's value
     * (the form is at most 64 KiB).
     */
    static final int RULE_FAILURE = 65_536 + 300;
    /** ISO-8601 instants ({@code 2026-02-13T02:00:00.123456789Z}) and durations ({@code PT-13H12M}). */
    static final int INSTANT = 35;
    static final int DURATION = 40;
    static final String DURATION_PATTERN = "^-?P.*$";

    // -------------------------------------------------------------------------------------------- numbers and lists

    /** The catalog's longest limit, in working days. */
    static final int WORKING_DAYS = 730;
    /** One extension of at most 10 working days (application.yml). */
    static final int EXTENSION_WORKING_DAYS = 10;
    /** A submission names at most 50 materials, a bundle at most 100; a case keeps one per material code. */
    static final int SUBMISSION_MATERIALS = 50;
    static final int MATERIALS = 100;
    /** The catalog numbers an entry's versions from 1. */
    static final int MAX_VERSION = 100_000;
    /** The catalog's bundles have at most 20 members, and its rule sets at most 20 rules. */
    static final int BUNDLE_MEMBERS = 20;
    static final int RULES = 20;
    /**
     * A case is one MongoDB document of at most 16 MB, and each history entry (and the event beside it) takes more
     * than 160 bytes of it.
     */
    static final int HISTORY = 100_000;
    /** Pages: {@code page} from 0, {@code size} up to the configured maximum (100). */
    static final int MAX_PAGE = 10_000;
    static final int PAGE_SIZE = 100;

    private CaseApiLimits() {
    }
}
