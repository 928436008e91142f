package dev.onewindow.platform.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onewindow.platform.web.caching.CacheablePublicReads;
import dev.onewindow.platform.web.caching.HttpCacheProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes every service's OpenAPI document one a partner can integrate from, the same way for every service:
 * <ul>
 * <li>how to authenticate: the Keycloak OAuth2 scheme (authorization code with PKCE for people, client credentials
 *     for systems) and, per operation, whether a token is required or the operation is public (the service's own
 *     {@code onewindow.security.public-paths}, the list its security filter chain uses);</li>
 * <li>who may call: the realm roles of the operation's {@code @PreAuthorize}, as {@code x-roles} and in words;</li>
 * <li>what an error looks like: the RFC 9457 {@code Problem} schema ({@code application/problem+json}) as the
 *     documented 400/401/403/404/409/413/415/429/500/503 answers, as far as each applies to the operation;</li>
 * <li>the limits the gateway applies to every answer: rate-limit headers, CORS, {@code Retry-After} on 429;</li>
 * <li>who may keep an answer: on the cacheable public reads ({@code onewindow.http-cache.public-reads}) the
 *     {@code Cache-Control}, {@code ETag} and {@code Vary} of a 200, {@code If-None-Match} and the 304;</li>
 * <li>the server: the gateway, the origin the document is read from.</li>
 * </ul>
 * Summaries ({@code @Operation}) and validation limits (Bean Validation on request records and parameters) stay
 * with each controller, where they are written once and enforced.
 */
public class PartnerApiDocs implements OpenApiCustomizer, OperationCustomizer {

    static final String SCHEME = "keycloak";
    static final String ROLES = "x-roles";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String RATE_LIMIT = "X-RateLimit-Limit";
    static final String RATE_REMAINING = "X-RateLimit-Remaining";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String RETRY_AFTER = "Retry-After";
    static final String CACHE_CONTROL = "Cache-Control";
    static final String ETAG = "ETag";
    static final String VARY = "Vary";
    static final String IF_NONE_MATCH = "If-None-Match";

    /** {@code *} or a list of entity tags, as the platform accepts it (RequestTextFilter). */
    static final String IF_NONE_MATCH_FORMAT = "^[ \\t]*(\\*|(,[ \\t]*)*(W/)?\"[\\x21\\x23-\\x7E]*\""
            + "([ \\t]*,([ \\t]*(W/)?\"[\\x21\\x23-\\x7E]*\")?)*)?[ \\t]*$";
    private static final Pattern ROLE_NAMES = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+}");
    /** A whole path segment that is a variable, with or without a regex ({code}, {code:[A-Z]{2}}). */
    private static final Pattern VARIABLE_SEGMENT = Pattern.compile("(?<=/)\\{[^/]+}(?=/|$)");

    private final String service;
    private final String issuer;
    private final ApiDocsProperties properties;
    private final List<PublicPath> publicPaths;
    private final CacheablePublicReads cacheableReads;

    public PartnerApiDocs(String service, String issuer, List<String> publicPaths, ApiDocsProperties properties) {
        this(service, issuer, publicPaths, properties, new CacheablePublicReads(new HttpCacheProperties(null)));
    }

    public PartnerApiDocs(String service, String issuer, List<String> publicPaths, ApiDocsProperties properties,
            CacheablePublicReads cacheableReads) {
        this.service = service;
        this.issuer = issuer;
        this.properties = properties;
        this.publicPaths = publicPaths.stream().map(PublicPath::parse).toList();
        this.cacheableReads = cacheableReads;
    }

    // ------------------------------------------------------------------------------------------------ per operation

    /** The realm roles the handler's {@code @PreAuthorize} names (method first, then its class). */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule != null) {
            operation.addExtension(ROLES, List.copyOf(roles(rule.value())));
        }
        return operation;
    }

    static Set<String> roles(String expression) {
        Set<String> roles = new TreeSet<>();
        Matcher call = ROLE_NAMES.matcher(expression);
        while (call.find()) {
            Matcher name = QUOTED.matcher(call.group(1));
            while (name.find()) {
                roles.add(name.group(1));
            }
        }
        return roles;
    }

    // ------------------------------------------------------------------------------------------------ whole document

    @Override
    public void customise(OpenAPI api) {
        api.info(info(api.getInfo()));
        api.servers(List.of(new Server().url(properties.serverUrl()).description(properties.serverDescription())
                .extensions(Map.of("x-internal", false))));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(SCHEME, securityScheme());
        addProblemSchemas(components);
        addHeaders(components);
        if (!cacheableReads.isEmpty()) {
            addCachingHeaders(components);
        }
        Set<String> usedTags = new LinkedHashSet<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                document(path, HttpMethod.valueOf(method.name()), operation);
                if (operation.getTags() != null) {
                    usedTags.addAll(operation.getTags());
                }
            }));
        }
        defineTags(api, usedTags);
    }

    private Info info(Info generated) {
        Info info = generated == null ? new Info() : generated;
        if (info.getTitle() == null || info.getTitle().startsWith("OpenAPI definition")) {
            info.setTitle("OneWindow " + service + " API");
        }
        if (info.getVersion() == null || info.getVersion().equals("v0")) {
            info.setVersion("v1");
        }
        if (info.getDescription() == null) {
            info.setDescription("""
                    Part of OneWindow, the city's digital-government service suite. Call it through the gateway with \
                    a bearer token from the OneWindow Keycloak realm (see the security scheme); each operation says \
                    whether it is public and which realm roles may call it. Every error is RFC 9457 \
                    `application/problem+json` with a stable `code` and a `traceId`; validation errors list each \
                    field in `errors[]`. Personal data (ID numbers, mobile numbers) is masked in every answer.""");
        }
        if (info.getContact() == null) {
            info.setContact(new Contact().name(properties.contactName()).email(properties.contactEmail()));
        }
        return info;
    }

    private SecurityScheme securityScheme() {
        String token = properties.tokenUrl(issuer);
        Scopes noScopes = new Scopes();
        return new SecurityScheme().type(SecurityScheme.Type.OAUTH2).description("""
                OAuth 2.0 bearer tokens (JWT, RS256) of the OneWindow Keycloak realm `%s`. People sign in with the \
                authorization code flow and PKCE (public client `onewindow-app`); partner systems use client \
                credentials with their own client. Access tokens are short-lived and renewed with the refresh token \
                at the token URL. The gateway and the service validate every token as RFC8725 (JWT best current \
                practices) advises: signature with the realm's published keys only, issuer, audience `onewindow`, \
                expiry, and a canonical compact serialization. Authorization uses the realm roles in \
                `realm_access.roles` (named per operation in `x-roles`) and the `dept` and `region` claims of staff \
                tokens.""".formatted(issuer))
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow().authorizationUrl(properties.authorizationUrl(issuer))
                                .tokenUrl(token).refreshUrl(token).scopes(noScopes))
                        .clientCredentials(new OAuthFlow().tokenUrl(token).refreshUrl(token).scopes(noScopes)));
    }

    private void document(String path, HttpMethod method, Operation operation) {
        boolean open = publicPaths.stream().anyMatch(p -> p.matches(method, path));
        @SuppressWarnings("unchecked")
        List<String> roles = operation.getExtensions() == null ? null
                : (List<String>) operation.getExtensions().get(ROLES);
        String access;
        if (open) {
            // anonymous callers are welcome; a token that is sent anyway is still validated
            operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(SCHEME)));
            operation.addExtension("x-public", true);
            access = "**Public**: no token needed (a token that is sent is validated all the same).";
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
            access = roles == null || roles.isEmpty()
                    ? "**Roles**: any signed-in caller; records outside the caller's own (citizens) or department "
                            + "(staff) answer 404."
                    : "**Roles**: " + String.join(", ", roles.stream().map(r -> "`" + r + "`").toList()) + ".";
        }
        operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank() ? access
                : operation.getDescription().strip() + "\n\n" + access);
        addResponses(path, method, operation, open);
        if (open && method == HttpMethod.GET) {
            cacheableReads.forOperation(path).ifPresent(rule -> documentCaching(operation, rule));
        }
    }

    /** A cacheable public read: who may keep the answer, for how long, and how to ask whether it changed. */
    private static void documentCaching(Operation operation, CacheablePublicReads.Rule rule) {
        String credentialed = rule.withCredentials().cacheControl();
        String tagged = credentialed.contains("no-store") ? "An anonymous answer carries" : "Answers carry";
        operation.setDescription(operation.getDescription() + "\n\n**Cacheable**: an anonymous answer is "
                + "`Cache-Control: " + rule.publicCacheControl(null) + "` (any cache, the gateway's included, may "
                + "serve it that long, so a change is seen within it); with a token it is `" + credentialed
                + "`, never public. `Vary: Authorization`. " + tagged + " a strong `ETag`: send it back as "
                + "`If-None-Match` and an unchanged answer is 304 Not Modified without a body.");
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> IF_NONE_MATCH.equalsIgnoreCase(p.getName()))) {
            operation.addParametersItem(new Parameter().in("header").name(IF_NONE_MATCH).required(false)
                    .description("The `ETag` of an answer the caller keeps (or a list of them, or `*`): an unchanged "
                            + "answer is 304 without a body. Anything but `*` or entity tags is 400 `INVALID_HEADER`.")
                    .schema(text(512, null).pattern(IF_NONE_MATCH_FORMAT)));
        }
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null) {
            addHeader(ok, CACHE_CONTROL);
            addHeader(ok, ETAG);
            addHeader(ok, VARY);
        }
        ApiResponse notModified = new ApiResponse().description(
                "Not Modified: the answer has not changed since the `ETag` named in `If-None-Match`; no body.");
        for (String header : List.of(CACHE_CONTROL, ETAG, VARY, ALLOW_ORIGIN)) {
            addHeader(notModified, header);
        }
        operation.getResponses().addApiResponse("304", notModified);
    }

    // ------------------------------------------------------------------------------------------------ responses

    private void addResponses(String path, HttpMethod method, Operation operation, boolean open) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean writes = method != HttpMethod.GET && method != HttpMethod.HEAD;
        Map<String, String> errors = new LinkedHashMap<>();
        if (hasInput) {
            errors.put("400", "Invalid request: a parameter, header or field breaks a rule (`errors[]` names each "
                    + "field), or the body is not valid JSON. Unknown fields are refused.");
        }
        errors.put("401", open ? "The token that was sent is not valid (missing is fine here)."
                : "No valid bearer token: missing, expired, not signed by the realm, or not for audience `onewindow`.");
        if (!open) {
            errors.put("403", "The caller's roles do not allow this operation.");
        }
        if (TEMPLATE_VARIABLE.matcher(path).find()) {
            errors.put("404", "No such record, or one the caller may not see: the two answers are the same by design.");
        }
        if (writes) {
            errors.put("409", "The record's state does not allow this (`ILLEGAL_STATE_TRANSITION` names "
                    + "`currentState`), it clashes with another record, or someone changed it at the same time "
                    + "(`CONCURRENT_UPDATE`: reload and try again).");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "The body or an upload is larger than allowed.");
            errors.put("415", "The Content-Type is not accepted here.");
        }
        errors.put("429", "Too many requests from this partner, user or address; try again after `Retry-After` "
                + "seconds.");
        errors.put("500", "An unexpected error; quote the `traceId` when reporting it. Never contains internals.");
        errors.put("503", "A service this call needs is unavailable, or the gateway's circuit breaker for this "
                + "service is open; try again later.");
        errors.forEach((status, description) -> {
            ApiResponse response = responses.get(status);
            if (response == null) {
                response = new ApiResponse().description(description);
                responses.addApiResponse(status, response);
            }
            if (response.getContent() == null || response.getContent().isEmpty()
                    || response.getContent().containsKey("*/*")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        responses.forEach((status, response) -> {
            if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                MediaType any = response.getContent().remove("*/*");
                response.getContent().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
            }
            if (status.startsWith("2") || status.startsWith("4")) {
                addHeader(response, RATE_LIMIT);
                addHeader(response, RATE_REMAINING);
                addHeader(response, ALLOW_ORIGIN);
            }
            if (status.equals("429")) {
                addHeader(response, RETRY_AFTER);
            }
        });
    }

    private static void addHeader(ApiResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
        }
    }

    private static void addProblemSchemas(Components components) {
        Schema<Object> violation = new ObjectSchema()
                .addProperty("field", text(200, "JSON path of the field, or the parameter or header name"))
                .addProperty("code", code("What is wrong with it, e.g. `NOT_BLANK`, `SIZE`, `UNKNOWN_FIELD`"))
                .addProperty("message", text(500, "A readable explanation"));
        violation.setRequired(List.of("field", "code"));
        components.addSchemas("FieldViolation", violation.description("One invalid field of a 400 problem."));
        Schema<Object> problem = new ObjectSchema()
                .addProperty("type", text(200, "URI of the problem type, `urn:onewindow:problem:<code>`").format("uri"))
                .addProperty("title", text(100, "The HTTP status phrase"))
                .addProperty("status", integer(400, 599, "The HTTP status code"))
                .addProperty("detail", text(2000, "What went wrong, safe to show (never personal data or internals)"))
                .addProperty("code", code("Stable machine-readable reason: act on this, not on `detail`"))
                .addProperty("traceId", new Schema<String>().type("string").types(Set.of("string")).maxLength(32)
                        .pattern("^[0-9a-f]{32}$").description("Trace id to quote when reporting a problem"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldViolation"))
                        .maxItems(100).description("Each invalid field (validation problems)"));
        problem.setRequired(List.of("type", "title", "status", "code"));
        components.addSchemas(PROBLEM, problem.description("""
                RFC 9457 problem details, sent as `application/problem+json` for every error. Some problems add \
                members the operation describes, such as `currentState` or `missingMaterials`."""));
        components.getSchemas().remove("ProblemDetail");
    }

    private static void addHeaders(Components components) {
        components.addHeaders(RATE_LIMIT, new Header().description("""
                Requests the caller may make in a burst: per partner client, per signed-in user, or per client \
                address for anonymous calls. Set by the gateway.""").schema(integer(1, 1_000_000, null)));
        components.addHeaders(RATE_REMAINING, new Header().description(
                "Requests left in the caller's current burst; 0 means the next one may get 429. Set by the gateway.")
                .schema(integer(0, 1_000_000, null)));
        components.addHeaders(ALLOW_ORIGIN, new Header().description(
                "The calling web origin, when it is one of the front ends the gateway allows (CORS).")
                .schema(text(2048, null)));
        components.addHeaders(RETRY_AFTER, new Header().description("Seconds to wait before trying again.")
                .schema(integer(1, 86_400, null)));
    }

    private static void addCachingHeaders(Components components) {
        components.addHeaders(CACHE_CONTROL, new Header().description("""
                Who may keep the answer and for how long: `public, max-age=N` for anyone's cache (an anonymous \
                answer to a cacheable public read), `private, no-cache` or `private, no-store` for the caller's own \
                (an answer to a request with a token).""").schema(text(200, null)
                .pattern("^[a-z-]+(=[0-9]+)?(, [a-z-]+(=[0-9]+)?)*$")));
        components.addHeaders(ETAG, new Header().description("""
                A strong entity tag of the answer: send it as `If-None-Match` to be told 304 when it has not \
                changed.""").schema(text(100, null).pattern("^\"[\\x21\\x23-\\x7E]*\"$")));
        components.addHeaders(VARY, new Header().description(
                "`Authorization`: an answer to a request with a token is never served for one without, or back.")
                .schema(text(200, null).pattern("^[A-Za-z-]+(, [A-Za-z-]+)*$")));
    }

    private static void defineTags(OpenAPI api, Set<String> used) {
        List<Tag> tags = api.getTags() == null ? new ArrayList<>() : new ArrayList<>(api.getTags());
        Set<String> defined = new LinkedHashSet<>(tags.stream().map(Tag::getName).toList());
        used.stream().filter(tag -> !defined.contains(tag)).forEach(tag -> tags.add(new Tag().name(tag)
                .description("Operations on " + tag.replace('-', ' ').toLowerCase(Locale.ROOT))));
        api.setTags(tags);
    }

    private static Schema<String> text(int maxLength, String description) {
        return new Schema<String>().type("string").types(Set.of("string")).maxLength(maxLength)
                .description(description);
    }

    private static Schema<String> code(String description) {
        return text(64, description).pattern("^[A-Z][A-Z0-9_]*$");
    }

    private static Schema<Integer> integer(int minimum, int maximum, String description) {
        return new Schema<Integer>().type("integer").types(Set.of("integer")).format("int32")
                .minimum(java.math.BigDecimal.valueOf(minimum)).maximum(java.math.BigDecimal.valueOf(maximum))
                .description(description);
    }

    // ------------------------------------------------------------------------------------------------ public paths

    /** One entry of {@code onewindow.security.public-paths}: {@code "GET /api/v1/catalog/**"} (method optional). */
    record PublicPath(HttpMethod method, PathPattern pattern) {

        private static final PathPatternParser PARSER = new PathPatternParser();

        static PublicPath parse(String entry) {
            String[] parts = entry.trim().split("\\s+", 2);
            return parts.length == 2 ? new PublicPath(HttpMethod.valueOf(parts[0]), PARSER.parse(parts[1]))
                    : new PublicPath(null, PARSER.parse(parts[0]));
        }

        /** Whether a documented operation ({@code /api/v1/entries/{code}}) falls under this entry. */
        boolean matches(HttpMethod operationMethod, String templatePath) {
            if (method != null && !method.equals(operationMethod)) {
                return false;
            }
            // the entry names the operation itself, its variables perhaps narrowed by a regex
            // ({code:[A-Z][A-Z0-9]*}, so that a literal neighbour such as /departments/mine stays private)
            if (VARIABLE_SEGMENT.matcher(pattern.getPatternString()).replaceAll("{}")
                    .equals(VARIABLE_SEGMENT.matcher(templatePath).replaceAll("{}"))) {
                return true;
            }
            // else a wildcard entry (/calendar/**): a template variable stands for any one segment value
            String sample = TEMPLATE_VARIABLE.matcher(templatePath).replaceAll("sample");
            return pattern.matches(PathContainer.parsePath(sample));
        }
    }
}
