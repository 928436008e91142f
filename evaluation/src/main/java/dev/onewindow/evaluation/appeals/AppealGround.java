package dev.onewindow.evaluation.appeals;

/** Why a department appeals a bad rating (申诉): it was given in error, or maliciously (恶意差评). */
public enum AppealGround {
    ERRONEOUS, MALICIOUS
}
