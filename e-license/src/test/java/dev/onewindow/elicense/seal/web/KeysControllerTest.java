package dev.onewindow.elicense.seal.web;

import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;

import dev.onewindow.elicense.seal.KeyRing;
import dev.onewindow.elicense.seal.SigningAlgorithm;
import dev.onewindow.elicense.seal.SigningKey;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static org.mockito.BDDMockito.given;

/** The published seal keys are public: an offline verifier needs nothing else. */
@WebMvcTest(KeysController.class)
class KeysControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    KeyRing keys;

    @BeforeEach
    void aPublishedKey() {
        KeyPair pair = SigningAlgorithm.ES256.generateKeyPair();
        given(keys.published()).willReturn(List.of(new KeyRing.PublishedKey(new SigningKey("scjgj-2026", "SCJGJ",
                SigningAlgorithm.ES256, pair.getPublic(), null, SigningKey.Source.CONFIGURED), true)));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/licenses/keys")).isPublic().answers(200)
                .tests();
    }
}
