package dev.onewindow.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.problem.ProblemResponses;
import dev.onewindow.platform.problem.Problems;
import dev.onewindow.platform.text.TextPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the {@link TextPolicy} to what a request carries outside its body, before anything reads it: every path
 * segment and every query parameter name and value (percent-decoded strictly as UTF-8: {@code %FF}, an overlong
 * {@code %C0%AF} or an encoded surrogate {@code %ED%A0%80} is refused rather than silently replaced), and the
 * headers a service reads, which must be short visible ASCII. A refusal is a 400 problem naming the parameter
 * ({@code INVALID_ENCODING}, {@code INVALID_TEXT} or {@code INVALID_HEADER}). An {@code Accept} must be a list of
 * media types, an {@code If-None-Match} {@code *} or a list of entity tags.
 */
public class RequestTextFilter extends OncePerRequestFilter {

    /** Longest query parameter value (or path segment) any endpoint accepts. */
    static final int MAX_PARAMETER_LENGTH = 2_000;
    static final int MAX_HEADER_LENGTH = 512;
    /**
     * {@code If-None-Match = "*" / #entity-tag} (RFC 9110 §13.1.2): {@code *} alone, or entity tags
     * ({@code "x"}, weak {@code W/"x"}; {@code etagc} is visible ASCII but {@code "}) separated by commas with
     * optional blanks, empty list elements allowed and ignored (§5.6.1.2); an empty value names no tag.
     */
    private static final Pattern IF_NONE_MATCH = Pattern.compile("[ \\t]*(?:\\*|(?:,[ \\t]*)*"
            + "(?:W/)?\"[\\x21\\x23-\\x7E]*\"(?:[ \\t]*,(?:[ \\t]*(?:W/)?\"[\\x21\\x23-\\x7E]*\")?)*)?[ \\t]*");

    private final JsonMapper json;
    private final Set<String> checkedHeaders;

    public RequestTextFilter(JsonMapper json, Set<String> checkedHeaders) {
        this.json = json;
        this.checkedHeaders = Set.copyOf(checkedHeaders);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = checkPath(request.getRequestURI());
        if (refusal == null) {
            refusal = checkQuery(request.getQueryString());
        }
        if (refusal == null) {
            refusal = checkHeaders(request);
        }
        if (refusal != null) {
            ProblemResponses.write(json, response, Problems.of(HttpStatus.BAD_REQUEST, refusal.code(),
                    refusal.detail(), java.util.Map.of("errors", List.of(refusal.violation()))));
            return;
        }
        chain.doFilter(request, response);
    }

    record Refusal(String code, String detail, FieldViolation violation) {
    }

    static Refusal checkPath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        for (String segment : rawPath.split("/")) {
            Refusal refusal = checkText("path", segment, false);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    static Refusal checkQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName, true);
            if (name == null) {
                return encoding("query");
            }
            Refusal refusal = checkText("query", rawName, true);
            if (refusal == null && equals >= 0) {
                refusal = checkText(printable(name), pair.substring(equals + 1), true);
            }
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private Refusal checkHeaders(HttpServletRequest request) {
        Refusal accept = checkAccept(request);
        if (accept != null) {
            return accept;
        }
        Refusal ifNoneMatch = checkIfNoneMatch(request);
        if (ifNoneMatch != null) {
            return ifNoneMatch;
        }
        for (String name : checkedHeaders) {
            var values = request.getHeaders(name);
            while (values != null && values.hasMoreElements()) {
                String value = values.nextElement();
                if (value.length() > MAX_HEADER_LENGTH || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                    String message = "must be visible ASCII of at most " + MAX_HEADER_LENGTH + " characters";
                    return new Refusal("INVALID_HEADER", "the header '" + name + "' " + message,
                            new FieldViolation(name, "INVALID_HEADER", message));
                }
            }
        }
        return null;
    }

    /** An {@code Accept} that is no list of media types would leave Spring unable to answer even with an error. */
    private static Refusal checkAccept(HttpServletRequest request) {
        var values = request.getHeaders(HttpHeaders.ACCEPT);
        while (values != null && values.hasMoreElements()) {
            try {
                MediaType.parseMediaTypes(values.nextElement());
            } catch (InvalidMediaTypeException e) {
                String message = "is not a list of media types (send application/json)";
                return new Refusal("INVALID_HEADER", "the header 'Accept' " + message,
                        new FieldViolation(HttpHeaders.ACCEPT, "INVALID_HEADER", message));
            }
        }
        return null;
    }

    /**
     * An {@code If-None-Match} that is neither {@code *} nor a list of entity tags would be read by Spring as some
     * tag and could answer 304 for a representation the client never had; it is refused instead.
     */
    private static Refusal checkIfNoneMatch(HttpServletRequest request) {
        var values = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        while (values != null && values.hasMoreElements()) {
            Refusal refusal = checkIfNoneMatch(values.nextElement());
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    static Refusal checkIfNoneMatch(String value) {
        if (value.length() <= MAX_HEADER_LENGTH && IF_NONE_MATCH.matcher(value).matches()) {
            return null;
        }
        String message = "is not * or a list of entity tags (\"x\" or W/\"x\", separated by commas) of at most "
                + MAX_HEADER_LENGTH + " characters";
        return new Refusal("INVALID_HEADER", "the header 'If-None-Match' " + message,
                new FieldViolation(HttpHeaders.IF_NONE_MATCH, "INVALID_HEADER", message));
    }

    /** A raw (still percent-encoded) path segment or query component, decoded strictly, against the policy. */
    private static Refusal checkText(String field, String raw, boolean plusIsSpace) {
        String decoded = decode(raw, plusIsSpace);
        if (decoded == null) {
            return encoding(field);
        }
        TextPolicy.Violation violation = TextPolicy.check(decoded, TextPolicy.Lines.SINGLE, MAX_PARAMETER_LENGTH);
        if (violation == null) {
            return null;
        }
        return new Refusal("INVALID_TEXT", "the " + (field.equals("path") ? "path" : "parameter '" + field + "'")
                + " " + violation.message(), new FieldViolation(field, violation.name(), violation.message()));
    }

    private static Refusal encoding(String field) {
        String message = "is not valid percent-encoded UTF-8";
        return new Refusal("INVALID_ENCODING", "the " + (field.equals("path") ? "path" : "parameter '" + field + "'")
                + " " + message, new FieldViolation(field, "INVALID_ENCODING", message));
    }

    /** Percent-decodes {@code raw} as UTF-8, refusing malformed escapes and byte sequences; {@code null} if so. */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0) {
            return plusIsSpace ? raw.replace('+', ' ') : raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String name) {
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
