/**
 * The domain's own way to refuse: {@link dev.onewindow.platform.domain.DomainException} and its kinds. Aggregates
 * and domain services throw these and never an HTTP type; the platform starter maps each kind to its RFC 9457
 * problem status in one place.
 */
package dev.onewindow.platform.domain;
