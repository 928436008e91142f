package dev.onewindow.casehandling.cases;

/** 自然人 (ID number) or 法人 (USCC + an agent who is a natural person). */
public enum ApplicantType {
    NATURAL_PERSON, LEGAL_PERSON
}
