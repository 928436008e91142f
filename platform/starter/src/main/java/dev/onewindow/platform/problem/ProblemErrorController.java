package dev.onewindow.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's default {@code /error} page so that errors raised outside controllers (filters, the
 * container) are problem+json too, with the same codes as {@link ProblemExceptionHandler}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (ClientFaults.isClientFault(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // a malformed request that failed in a filter (the firewall, the container's parameter parser)
            return ResponseEntity.badRequest().body(ClientFaults.problem());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = switch (status) {
            case NOT_FOUND -> Problems.of(status, "NOT_FOUND", "no resource at this path");
            case UNAUTHORIZED -> Problems.of(status, "UNAUTHENTICATED", "a valid bearer token is required");
            case FORBIDDEN -> Problems.of(status, "FORBIDDEN", "your role does not allow this action");
            case CONTENT_TOO_LARGE -> Problems.of(status, "PAYLOAD_TOO_LARGE", "the request is too large");
            default -> status.is5xxServerError()
                    ? Problems.of(status, "INTERNAL_ERROR",
                            "an unexpected error occurred; quote the traceId when reporting it")
                    : Problems.of(status, status.name(), status.getReasonPhrase());
        };
        return ResponseEntity.status(status).body(problem);
    }
}
