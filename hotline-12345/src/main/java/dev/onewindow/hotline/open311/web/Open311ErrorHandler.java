package dev.onewindow.hotline.open311.web;

import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.domain.NotAllowedException;
import dev.onewindow.platform.domain.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The facade's errors as the GeoReport v2 specification shapes them — {@code [{"code", "description"}]}, in XML
 * {@code <errors><error>} — instead of the platform's problem+json, which no Open311 client reads. Its statuses are
 * the specification's: 404 for what does not exist (a service, a request, a jurisdiction), 403 for missing or wrong
 * credentials, 400 for every other refusal; an unexpected fault stays a 500, in the same shape.
 *
 * <p>Ordered as the platform's handler is (first): advice of equal order is consulted in registration order, and
 * this one, found by the application's component scan, is registered before the auto-configured platform handler, so
 * it answers for {@link Open311Controller} and the platform's for everything else.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorHandler.class);
    private static final String TOMCAT_INVALID_PARAMETER = "org.apache.tomcat.util.http.InvalidParameterException";

    private final GeoReportWriter writer;

    Open311ErrorHandler(GeoReportWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<byte[]> domain(DomainException e, HttpServletRequest request) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof NotAllowedException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        if (e.properties().get("errors") instanceof List<?> violations && !violations.isEmpty()) {
            return errors(request, status, violations.stream().map(v -> v instanceof FieldViolation f
                    ? f.field() + ": " + f.message() : e.getMessage()).toList());
        }
        return errors(request, status, List.of(e.getMessage()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<byte[]> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        return errors(request, HttpStatus.BAD_REQUEST, e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> parameterName(result
                        .getMethodParameter()) + ": " + error.getDefaultMessage()))
                .toList());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<byte[]> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return errors(request, HttpStatus.BAD_REQUEST, List.of(e.getParameterName() + " was not provided"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<byte[]> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return errors(request, HttpStatus.BAD_REQUEST, List.of(e.getName() + " has an invalid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        if (isTomcatInvalidParameter(e)) {
            // Tomcat could not decode the form (a broken %-escape): the client's fault; its message may echo input
            return errors(request, HttpStatus.BAD_REQUEST,
                    List.of("the parameters cannot be read: send application/x-www-form-urlencoded in UTF-8"));
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = response.getStatusCode().value() == 404 ? HttpStatus.NOT_FOUND
                    : response.getStatusCode().value() == 403 ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
            return errors(request, status, List.of("the request cannot be served as sent"));
        }
        log.error("unexpected error in the Open311 facade", e);
        return errors(request, HttpStatus.INTERNAL_SERVER_ERROR,
                List.of("an unexpected error occurred; quote the time of the request when reporting it"));
    }

    private ResponseEntity<byte[]> errors(HttpServletRequest request, HttpStatus status, List<String> descriptions) {
        List<GeoReport.Error> errors = descriptions.stream().map(d -> new GeoReport.Error(status.value(), d))
                .toList();
        return writer.write(status, GeoReportFormat.ofPath(request.getRequestURI()), errors,
                () -> GeoReportXml.errors(errors));
    }

    /** The name the client sends (the handler's Java names are camelCase). */
    private static String parameterName(MethodParameter parameter) {
        RequestParam named = parameter.getParameterAnnotation(RequestParam.class);
        return named != null && !named.name().isEmpty() ? named.name() : parameter.getParameterName();
    }

    private static boolean isTomcatInvalidParameter(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            for (Class<?> c = cause.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals(TOMCAT_INVALID_PARAMETER)) {
                    return true;
                }
            }
        }
        return false;
    }
}
