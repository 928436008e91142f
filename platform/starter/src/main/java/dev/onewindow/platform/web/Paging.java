package dev.onewindow.platform.web;

import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * A page of a list, bounded: {@code page} from 0 to {@link #MAX_PAGE}, {@code size} from 1 to the endpoint's
 * maximum, so {@code page × size} never overflows (an enormous page used to wrap to the first) and nobody pages
 * through millions of records. Anything else is 400 {@code INVALID_PAGE}.
 */
public final class Paging {

    /** The last page number any list serves. */
    public static final int MAX_PAGE = 10_000;

    private Paging() {
    }

    public static PageRequest of(int page, int size, int maxSize) {
        return of(page, size, maxSize, Sort.unsorted());
    }

    public static PageRequest of(int page, int size, int maxSize, Sort sort) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > maxSize) {
            String message = "page must be between 0 and " + MAX_PAGE + " and size between 1 and " + maxSize;
            throw DomainException.invalid("INVALID_PAGE", message).with("errors", List.of(
                    new FieldViolation(page < 0 || page > MAX_PAGE ? "page" : "size", "OUT_OF_RANGE", message)));
        }
        return PageRequest.of(page, size, sort);
    }
}
