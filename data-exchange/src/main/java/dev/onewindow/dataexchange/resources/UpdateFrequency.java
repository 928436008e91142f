package dev.onewindow.dataexchange.resources;

/** 更新周期 of a resource, as the catalog states it. */
public enum UpdateFrequency {
    REAL_TIME, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, IRREGULAR
}
