package dev.onewindow.dataexchange.resources;

/** 国发〔2016〕51号's share types of a government data resource. */
public enum ShareType {
    /** 无条件共享: granted to any department that asks, at once. */
    UNCONDITIONAL,
    /** 有条件共享: the providing department decides each request within its limit. */
    CONDITIONAL,
    /** 不予共享: cannot be requested; the resource names the law that keeps it. */
    NOT_SHARED
}
