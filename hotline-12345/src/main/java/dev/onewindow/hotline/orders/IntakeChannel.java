package dev.onewindow.hotline.orders;

import java.util.Set;

/** Where an order came in (受理渠道). */
public enum IntakeChannel {
    PHONE, WEB, APP, MINI_PROGRAM, SMS, WECHAT, PARTNER_API;

    /** Channels an agent registers on a caller's behalf. */
    public static final Set<IntakeChannel> AGENT = Set.of(PHONE, SMS, WECHAT, WEB, APP, MINI_PROGRAM);
    /** Channels a signed-in citizen files through herself. */
    public static final Set<IntakeChannel> SELF_SERVICE = Set.of(WEB, APP, MINI_PROGRAM, WECHAT);
}
