package dev.onewindow.elicense.web;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.problem.ProblemResponses;
import dev.onewindow.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything reads them, the two request shapes that Spring and Tomcat answer without a problem or
 * with a 500 (the platform's text filter, which runs just before, has already checked that {@code Accept} and
 * {@code Content-Type} are short visible ASCII — see {@code onewindow.web.checked-headers} in
 * {@code application.yml}):
 * <ul>
 * <li>an {@code Accept} header that is not a list of media types ({@code x}, {@code application/json, x/}): Spring
 *     fails to negotiate even its error answer and sends an empty 400 or 406; here it is 400 {@code INVALID_HEADER};
 * </li>
 * <li>a form body ({@code application/x-www-form-urlencoded}): no e-license endpoint reads one, and Tomcat's parser
 *     throws on a malformed escape in it ({@code a=%FF}) while the JSON endpoints check the body's type, a 500;
 *     here it is 415 {@code UNSUPPORTED_MEDIA_TYPE}, as a well-formed form always was.</li>
 * </ul>
 */
@Component
public class RequestFormatFilter extends OncePerRequestFilter implements Ordered {

    /** Right after the platform's request id and text filters, before security: refused the same for everyone. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private final JsonMapper json;

    public RequestFormatFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (!accept.isEmpty()) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                String message = "is not a list of media types (send application/json)";
                ProblemResponses.write(json, response, Problems.of(HttpStatus.BAD_REQUEST, "INVALID_HEADER",
                        "the header 'Accept' " + message, Map.of("errors", List.of(
                                new FieldViolation(HttpHeaders.ACCEPT, "INVALID_HEADER", message)))));
                return;
            }
        }
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).trim()
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            ProblemResponses.write(json, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE", "e-license reads no form bodies; send application/json"));
            return;
        }
        chain.doFilter(request, response);
    }
}
