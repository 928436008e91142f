package dev.onewindow.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.ExpiredException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.domain.InvalidInputException;
import dev.onewindow.platform.domain.NotAllowedException;
import dev.onewindow.platform.domain.NotFoundException;
import dev.onewindow.platform.domain.TooLargeException;
import dev.onewindow.platform.domain.TooManyRequestsException;
import dev.onewindow.platform.domain.UnavailableException;
import dev.onewindow.platform.domain.UnsupportedContentException;

/**
 * Turns every exception a request can raise into RFC 9457 problem+json with a stable {@code code}: bad input is
 * always a 4xx that says which field is wrong, and a 5xx never echoes an exception message.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    /** The one place where the domain's refusals become HTTP statuses. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        if (e instanceof TooManyRequestsException tooMany) {
            long seconds = Math.max(1, (tooMany.retryAfter().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage(), e.properties()));
        }
        return respond(Problems.of(status(e), e.code(), e.getMessage(), e.properties()));
    }

    static HttpStatus status(DomainException e) {
        // DomainException is sealed: these are all its kinds
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        } else if (e instanceof NotAllowedException) {
            return HttpStatus.FORBIDDEN;
        } else if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        } else if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        } else if (e instanceof ExpiredException) {
            return HttpStatus.GONE;
        } else if (e instanceof TooLargeException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        } else if (e instanceof UnsupportedContentException) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        } else if (e instanceof UnavailableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        } else if (e instanceof TooManyRequestsException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        throw new IllegalStateException("unmapped domain exception " + e.getClass().getName());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldViolation> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), constraintCode(f.getCode()), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(
                new FieldViolation(g.getObjectName(), constraintCode(g.getCode()), g.getDefaultMessage())));
        return respond(Problems.validation(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldViolation> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldViolation(
                        result.getMethodParameter().getParameterName(), constraintCode(error.getCodes()),
                        error.getDefaultMessage())))
                .toList();
        return respond(Problems.validation(errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString(),
                        constraintCode(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                        v.getMessage()))
                .toList();
        return respond(Problems.validation(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DomainException refused) {
            // a value the body's type itself refuses while it is read (a constructor's rule): answered as the domain
            return domain(refused);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return fieldProblem("UNKNOWN_FIELD", "the field '" + field + "' is not part of this request",
                    new FieldViolation(field, "UNKNOWN_FIELD", "unknown field"));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JacksonException) cause);
            return fieldProblem("INVALID_VALUE", "the field '" + field + "' has a value of the wrong type or format",
                    new FieldViolation(field, "INVALID_VALUE", "wrong type or format"));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                "the request body is missing or is not valid JSON"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return fieldProblem("INVALID_PARAMETER", "the parameter '" + e.getName() + "' has an invalid value",
                new FieldViolation(e.getName(), "INVALID_VALUE", "invalid value"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> missingParameter(Exception e) {
        String name = e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingRequestHeaderException) e).getHeaderName();
        return fieldProblem("MISSING_PARAMETER", "the parameter '" + name + "' is required",
                new FieldViolation(name, "REQUIRED", "required"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "no resource at this path"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers).body(Problems.of(
                HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "content type " + e.getContentType() + " is not supported; send application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(Problems.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                "none of the accepted media types can be produced"));
    }

    /** A multipart body that cannot be read (no boundary, a broken part) or lacks a part the endpoint needs. */
    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> badMultipart(Exception e) {
        if (e instanceof MissingServletRequestPartException missing) {
            return fieldProblem("MISSING_PART", "the part '" + missing.getRequestPartName() + "' is required",
                    new FieldViolation(missing.getRequestPartName(), "REQUIRED", "required"));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART",
                "the multipart body cannot be read: send multipart/form-data with a boundary and well-formed parts"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "the upload is too large"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_UPDATE",
                "the record was changed by someone else at the same time; reload it and try again"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "DUPLICATE", "a record with the same identity exists"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "your role does not allow this action"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "a valid bearer token is required"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (ClientFaults.isClientFault(e)) {
            return respond(ClientFaults.problem());
        }
        // Spring's other web exceptions carry their own 4xx status (e.g. ResponseStatusException)
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = response.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            return respond(Problems.of(status, known == null ? "HTTP_" + status.value() : known.name(),
                    known == null ? "request failed" : known.getReasonPhrase()));
        }
        log.error("unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "an unexpected error occurred; quote the traceId when reporting it"));
    }

    /** A 400 about one field, listed in {@code errors[]} like every validation problem. */
    private static ResponseEntity<ProblemDetail> fieldProblem(String code, String detail, FieldViolation violation) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, code, detail, java.util.Map.of("errors",
                List.of(violation))));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** JSON path of the offending field, e.g. {@code materials[0].name}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Bean Validation constraint names as stable codes: NotBlank → NOT_BLANK. */
    static String constraintCode(String constraint) {
        if (constraint == null) {
            return "INVALID";
        }
        return constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    private static String constraintCode(String[] codes) {
        return constraintCode(codes == null || codes.length == 0 ? null : codes[codes.length - 1]);
    }
}
