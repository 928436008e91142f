package dev.onewindow.evaluation;

/** Sizes and formats of what evaluation's API takes and answers, in one place for the checks and the documents. */
public final class Limits {

    /** A rating, rectification or appeal id, and the case or work-order id rated (UUID). */
    public static final int ID_LENGTH = 36;
    public static final String ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    public static final String DEPARTMENT = "^[A-Z0-9]{2,16}$";
    public static final String REGION = "^\\d{6}$";
    public static final String MOBILE = "^1[3-9]\\d{9}$";
    /** A bad-rating reason code of the configured list. */
    public static final String REASON_CODE = "^[A-Z][A-Z0-9_]{1,31}$";
    /** A rating code as printed on a receipt (QR): 16 characters of Crockford base 32. */
    public static final String RATING_CODE = "^[0-9A-HJKMNP-TV-Z]{16}$";
    /** A statistics period: a day (yyyy-MM-dd) or a month (yyyy-MM), Asia/Shanghai. */
    public static final String PERIOD = "^\\d{4}-\\d{2}(-\\d{2})?$";
    /** A statistics key: a department, implementation code, officer's user name, channel, or ALL. */
    public static final String STAT_KEY = "^[A-Za-z0-9_.@-]{1,64}$";
    public static final int TEXT = 1000;
    public static final int NOTE = 500;
    public static final int REASONS = 10;
    public static final int PAGE_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    private Limits() {
    }
}
