package dev.onewindow.dataexchange.objections;

public enum ObjectionStatus {
    OPEN, RESOLVED
}
