package dev.onewindow.platform.web;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
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
    static final int MAX_DIGITS = 64;

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

    /**
     * A number a client sends is one a person would write: finite, at most {@value #MAX_DIGITS} digits and an
     * exponent within ±{@value #MAX_DIGITS} ({@code 1e999999999} would be written out as a billion digits).
     */
    static void checkNumber(Number number, String path) {
        boolean plausible = true;
        if (number instanceof BigDecimal decimal) {
            plausible = decimal.precision() <= MAX_DIGITS && Math.abs(decimal.scale()) <= MAX_DIGITS;
        } else if (number instanceof BigInteger integer) {
            plausible = integer.bitLength() <= 4 * MAX_DIGITS;
        } else if (number instanceof Double d) {
            plausible = Double.isFinite(d);
        } else if (number instanceof Float f) {
            plausible = Float.isFinite(f);
        }
        if (!plausible) {
            String message = "is not a finite number of at most " + MAX_DIGITS + " digits";
            throw DomainException.invalid("INVALID_NUMBER", "the field '" + path + "' " + message)
                    .with("errors", List.of(new FieldViolation(path, "INVALID_NUMBER", message)));
        }
    }

    /** Checks {@code value} found at {@code path}; {@code multiLine} when its component allows line breaks. */
    static void check(Object value, String path, boolean multiLine, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String text) {
            TextPolicy.require(text, path, multiLine ? TextPolicy.Lines.MULTI : TextPolicy.Lines.SINGLE,
                    TextPolicy.MAX_LENGTH);
        } else if (value instanceof Number number) {
            checkNumber(number, path);
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
