package dev.onewindow.evaluation.ratings;

/**
 * Where a rating was given (评价渠道, GB/T 39734): the portal, app or mini-program, a kiosk, the window's rating
 * device or code (SERVICE_HALL), an SMS link, or a 12345 callback.
 */
public enum RatingChannel {
    PC_PORTAL, MOBILE_APP, MINI_PROGRAM, SELF_SERVICE_KIOSK, SERVICE_HALL, SMS, HOTLINE_12345
}
