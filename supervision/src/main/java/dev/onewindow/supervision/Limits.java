package dev.onewindow.supervision;

/** Sizes and formats of what supervision's API takes and answers, in one place for the checks and the documents. */
public final class Limits {

    /** An alert, order or inspection id, and the id of a watched matter (UUID). */
    public static final int ID_LENGTH = 36;
    public static final String ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** The id of a matter another service owns: a UUID, or a share request / objection id of data-exchange. */
    public static final String SUBJECT_ID = "^[A-Za-z0-9-]{1,64}$";
    public static final String SUBJECT_NO = "^[A-Za-z0-9-]{1,40}$";
    public static final String DEPARTMENT = "^[A-Z0-9]{2,16}$";
    public static final String REGION = "^\\d{6}$";
    /** A unified social credit code (统一社会信用代码), 18 characters; the check digit is verified by the platform. */
    public static final String USCC = "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$";
    public static final String INSPECTOR_ID = "^[A-Za-z0-9_.-]{1,64}$";
    public static final String ITEM_CODE = "^[A-Za-z0-9_-]{1,40}$";
    /** A KPI period: a month (yyyy-MM), Asia/Shanghai. */
    public static final String PERIOD = "^\\d{4}-(0[1-9]|1[0-2])$";
    public static final int TEXT = 1000;
    public static final int PAGE_SIZE = 100;
    public static final int MAX_PAGE = 10_000;
    public static final int ROSTER = 5000;

    private Limits() {
    }
}
