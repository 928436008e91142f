package dev.onewindow.catalog.department.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.onewindow.catalog.department.Department;
import dev.onewindow.catalog.department.DepartmentRepository;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import dev.onewindow.platform.testkit.web.SliceCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.Limit;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/** The department endpoints' role rules over the controller slice, and the caller's own department from the token. */
@WebMvcTest(DepartmentController.class)
class DepartmentControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DepartmentRepository departments;

    @BeforeEach
    void departments() {
        Department scjgj = new Department("SCJGJ", "宿州市市场监督管理局", "341300");
        given(departments.findAllByOrderByCode(any(Limit.class))).willReturn(List.of(scjgj));
        given(departments.findByRegionOrderByCode(any(), any(Limit.class))).willReturn(List.of(scjgj));
        given(departments.findById("SCJGJ")).willReturn(Optional.of(scjgj));
        given(departments.insert(any(Department.class))).willAnswer(call -> call.getArgument(0));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/catalog/departments")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/catalog/departments/SCJGJ")).isPublic().answers(200)
                .endpoint(() -> post("/api/v1/catalog/departments", """
                        {"code":"CSJ","name":"宿州市测试局","region":"341300"}""")).allows("catalog-admin").answers(201)
                .tests();
    }

    @Test
    void staffReadTheDepartmentOfTheirToken() throws Exception {
        assertThat(status(get("/api/v1/catalog/departments/mine"), SliceCallers.withRoles("window-officer")))
                .isEqualTo(200);
        verify(departments).findById(SliceCallers.DEPT);
        assertThat(status(get("/api/v1/catalog/departments/mine"), SliceCallers.withRoles("citizen")))
                .as("no department in the token").isEqualTo(404);
        assertThat(status(get("/api/v1/catalog/departments/mine"), null)).isEqualTo(401);
    }

    @Test
    void aListAnswersAtMostAThousandDepartments() throws Exception {
        assertThat(status(get("/api/v1/catalog/departments"), null)).isEqualTo(200);
        verify(departments).findAllByOrderByCode(Limit.of(1000));
        assertThat(status(get("/api/v1/catalog/departments?region=341302"), null)).isEqualTo(200);
        verify(departments).findByRegionOrderByCode("341302", Limit.of(1000));
    }

    private int status(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
        return mvc.perform(caller == null ? request : request.with(caller)).andReturn().getResponse().getStatus();
    }
}
