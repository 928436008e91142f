package dev.onewindow.platform.sample;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import dev.onewindow.platform.testkit.web.RoleMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * How a service tests a controller's role rules: a {@code @WebMvcTest} slice (the platform's security and problem
 * handling come with it) and a {@link RoleMatrix} of every endpoint.
 */
@WebMvcTest(ParcelController.class)
class ParcelControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ParcelRepository parcels;

    @BeforeEach
    void storedParcel() {
        Parcel parcel = Parcel.register("p1", "341300", "books", Instant.parse("2026-02-13T02:00:00Z"));
        given(parcels.findById("p1")).willReturn(Optional.of(parcel));
        given(parcels.insert(any(Parcel.class))).willAnswer(call -> call.getArgument(0));
        given(parcels.save(any(Parcel.class))).willAnswer(call -> call.getArgument(0));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> post("/api/v1/parcels", """
                        {"id":"p2","region":"341300","label":"tea"}""")).allows("window-officer").answers(201)
                .endpoint(() -> get("/api/v1/parcels/p1")).allowsAnySignedIn().answers(200)
                .endpoint(() -> post("/api/v1/parcels/p1/ship")).allows("window-officer").answers(200)
                .endpoint(() -> get("/api/v1/public/ping")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/public/parcels/p1")).isPublic().answers(200)
                .tests();
    }
}
