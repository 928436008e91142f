package dev.onewindow.casehandling.cases;

/** Where an application came in (docs/domain.md, shared concepts). */
public enum Channel {
    PC_PORTAL, MOBILE_APP, MINI_PROGRAM, SELF_SERVICE_KIOSK, SERVICE_HALL, HOTLINE_12345, SMS, PARTNER_API
}
