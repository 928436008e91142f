package dev.onewindow.platform.web;

import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

import dev.onewindow.platform.text.FreeFormMap;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.text.TextPolicy;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Applies the {@link TextPolicy} to every request body a controller reads, once it is read and before the
 * controller sees it: every string of the request record (and of its nested records, lists and arrays) is
 * single-line unless its component is {@link MultiLineText}, within the policy's maximum length (Bean Validation
 * states each field's own, smaller limit); every free-form map ({@code Map<String, Object>}) passes
 * {@link FreeFormMap}'s check. A refusal is a 400 naming the field by its JSON path.
 */
@ControllerAdvice
public class RequestBodyTextPolicy extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 16;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "$", false, 0);
        return body;
    }

    /** Checks {@code value} found at {@code path}; {@code multiLine} when its component allows line breaks. */
    static void check(Object value, String path, boolean multiLine, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String text) {
            TextPolicy.require(text, path, multiLine ? TextPolicy.Lines.MULTI : TextPolicy.Lines.SINGLE,
                    TextPolicy.MAX_LENGTH);
        } else if (value instanceof Map<?, ?> map) {
            FreeFormMap.require(map, path, FreeFormMap.Limits.DEFAULT);
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", multiLine, depth + 1);
            }
        } else if (value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                check(items[i], path + "[" + i + "]", multiLine, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object member;
                try {
                    component.getAccessor().setAccessible(true);
                    member = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
                String name = "$".equals(path) ? component.getName() : path + "." + component.getName();
                check(member, name, component.isAnnotationPresent(MultiLineText.class), depth + 1);
            }
        }
    }
}
