package dev.onewindow.platform.testkit.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller's role rules as a table, played against its {@code @WebMvcTest} slice: every endpoint with each role
 * it allows (the expected status), one role it does not allow (403 problem {@code FORBIDDEN}) and no token at all
 * (401 problem {@code UNAUTHENTICATED}; a public endpoint answers anonymously instead).
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> roles() {
 *     return RoleMatrix.using(mvc)
 *             .endpoint(() -> post("/api/v1/cases/c1/accept")).allows("window-officer").answers(200)
 *             .endpoint(() -> get("/api/v1/cases/c1")).allowsAnySignedIn().answers(200)
 *             .tests();
 * }
 * }</pre>
 */
public final class RoleMatrix {

    /** The realm roles of OneWindow. */
    public static final List<String> ALL_ROLES = List.of("citizen", "enterprise", "window-officer", "reviewer",
            "approver", "dept-admin", "catalog-admin", "hotline-agent", "hotline-dispatcher", "dept-handler",
            "supervisor", "eval-admin", "data-steward", "data-consumer", "partner", "auditor");

    private final MockMvc mvc;
    private final Function<String, RequestPostProcessor> callerWithRole;
    private final List<Endpoint> endpoints = new ArrayList<>();

    private RoleMatrix(MockMvc mvc, Function<String, RequestPostProcessor> callerWithRole) {
        this.mvc = mvc;
        this.callerWithRole = callerWithRole;
    }

    public static RoleMatrix using(MockMvc mvc) {
        return new RoleMatrix(mvc, SliceCallers::withRoles);
    }

    /** Callers of each role made another way (other claims than {@link SliceCallers#withRoles}). */
    public RoleMatrix callers(Function<String, RequestPostProcessor> callerWithRole) {
        return new RoleMatrix(mvc, callerWithRole);
    }

    public static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    public static MockHttpServletRequestBuilder post(String path) {
        return MockMvcRequestBuilders.post(path);
    }

    /** A POST with a JSON body. */
    public static MockHttpServletRequestBuilder post(String path, String json) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    public static MockHttpServletRequestBuilder put(String path, String json) {
        return MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    public static MockHttpServletRequestBuilder delete(String path) {
        return MockMvcRequestBuilders.delete(path);
    }

    /** A multipart upload; add its parts with {@code .file(...)} or {@code .part(...)}. */
    public static MockMultipartHttpServletRequestBuilder multipart(String path) {
        return MockMvcRequestBuilders.multipart(path);
    }

    /**
     * An endpoint; {@code request} is built afresh for every call (a builder keeps what each call adds to it). Any
     * MockMvc request builder will do, multipart uploads included.
     */
    public Endpoint endpoint(Supplier<? extends AbstractMockHttpServletRequestBuilder<?>> request) {
        Endpoint endpoint = new Endpoint(request);
        endpoints.add(endpoint);
        return endpoint;
    }

    public Stream<DynamicTest> tests() {
        return endpoints.stream().flatMap(Endpoint::tests);
    }

    public final class Endpoint {

        private final Supplier<? extends AbstractMockHttpServletRequestBuilder<?>> request;
        private final Set<String> allowed = new LinkedHashSet<>();
        private boolean anySignedIn;
        private boolean open;
        private int expected = 200;

        private Endpoint(Supplier<? extends AbstractMockHttpServletRequestBuilder<?>> request) {
            this.request = request;
        }

        /** The roles the endpoint's {@code @PreAuthorize} allows. */
        public Endpoint allows(String... roles) {
            allowed.addAll(List.of(roles));
            return this;
        }

        /** No role rule: any valid token (the service then scopes what the caller sees). */
        public Endpoint allowsAnySignedIn() {
            anySignedIn = true;
            return this;
        }

        /** A public endpoint: answered without a token. */
        public Endpoint isPublic() {
            open = true;
            return this;
        }

        /** The status an allowed caller gets; returns the matrix for the next endpoint. */
        public RoleMatrix answers(int status) {
            expected = status;
            return RoleMatrix.this;
        }

        private String name() {
            var built = request.get().buildRequest(new org.springframework.mock.web.MockServletContext());
            return built.getMethod() + " " + built.getRequestURI();
        }

        private Stream<DynamicTest> tests() {
            String name = name();
            List<DynamicTest> tests = new ArrayList<>();
            List<String> callers = anySignedIn || open ? List.of("citizen", "window-officer", "partner")
                    : List.copyOf(allowed);
            for (String role : callers) {
                tests.add(DynamicTest.dynamicTest(name + " as " + role + " → " + expected,
                        () -> assertThat(status(perform(callerWithRole.apply(role)))).as(name + " as " + role)
                                .isEqualTo(expected)));
            }
            if (!anySignedIn && !open) {
                String forbidden = ALL_ROLES.stream().filter(role -> !allowed.contains(role)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(name + " allows every role"));
                tests.add(DynamicTest.dynamicTest(name + " as " + forbidden + " → 403", () -> {
                    MvcResult result = perform(callerWithRole.apply(forbidden));
                    assertThat(status(result)).as(name + " as " + forbidden).isEqualTo(403);
                    assertProblem(result, "FORBIDDEN");
                }));
            }
            tests.add(DynamicTest.dynamicTest(name + " anonymous → " + (open ? expected : 401), () -> {
                MvcResult result = perform(null);
                if (open) {
                    assertThat(status(result)).as(name + " anonymous").isEqualTo(expected);
                } else {
                    assertThat(status(result)).as(name + " anonymous").isEqualTo(401);
                    assertProblem(result, "UNAUTHENTICATED");
                }
            }));
            return tests.stream();
        }

        private MvcResult perform(RequestPostProcessor caller) throws Exception {
            AbstractMockHttpServletRequestBuilder<?> builder = request.get();
            if (caller != null) {
                builder.with(caller);
            }
            return mvc.perform(builder).andReturn();
        }
    }

    private static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }

    private static void assertProblem(MvcResult result, String code) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"" + code + "\"");
    }
}
