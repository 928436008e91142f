package dev.onewindow.dataexchange.grants;

public enum GrantStatus {
    ACTIVE, REVOKED, EXPIRED
}
