package dev.onewindow.casehandling.cases;

/**
 * A personal form field's value as stored: the JSON of the value encrypted with the platform's {@code FieldCipher},
 * bound to the case and the field (a context per field), so it decrypts only as that field of that case.
 * {@code plain} says whether the value is a plain one (string, number, boolean, null), which a licence face can
 * print; nested values never are.
 */
public record SealedValue(String cipher, boolean plain) {
}
