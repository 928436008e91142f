package dev.onewindow.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.observability.TraceIds;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds every problem body of a service the same way: {@code type} derived from the stable {@code code},
 * {@code title} from the status, {@code code}, {@code traceId}, and {@code errors[]} for field violations.
 */
public final class Problems {

    static final String TYPE_PREFIX = "urn:onewindow:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        String traceId = TraceIds.current();
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, Map<String, Object> extras) {
        ProblemDetail problem = of(status, code, detail);
        extras.forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail validation(List<FieldViolation> errors) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "VALIDATION_FAILED",
                "the request has " + errors.size() + " invalid field(s)");
        problem.setProperty("errors", errors);
        return problem;
    }
}
