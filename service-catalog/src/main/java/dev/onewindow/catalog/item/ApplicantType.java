package dev.onewindow.catalog.item;

/** Who may apply: a natural person (自然人) or a legal person (法人, acting through an agent). */
public enum ApplicantType {
    NATURAL_PERSON,
    LEGAL_PERSON
}
