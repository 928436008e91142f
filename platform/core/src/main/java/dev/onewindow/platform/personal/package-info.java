/**
 * Personal data (个人信息): validation of resident ID numbers, unified social credit codes and mobile numbers;
 * masking for responses, logs and events; field encryption at rest and keyed lookup hashes (docs/architecture.md,
 * "Security").
 *
 * <p>Rule of thumb for callers: parse input with the value types ({@code of} throws
 * {@link dev.onewindow.platform.personal.InvalidPersonalDataException}, which carries the problem code for a 400),
 * store {@link dev.onewindow.platform.personal.FieldCipher} ciphertext plus a
 * {@link dev.onewindow.platform.personal.LookupHasher} hash, and only ever show {@code masked()} values.
 * The value types' {@code toString()} is masked, so logging one never leaks it.
 */
package dev.onewindow.platform.personal;
