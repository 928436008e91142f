package dev.onewindow.catalog.web;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;

/** One page of a list: {@code {"content":[…],"page":0,"size":20,"totalElements":N,"totalPages":P}}. */
public record PageResponse<T>(
        @ArraySchema(maxItems = ApiBounds.PAGE_SIZE_MAX, arraySchema = @Schema(description = "This page's records"))
        List<T> content,
        @Schema(description = "The page number, from 0", minimum = "0", maximum = "" + ApiBounds.PAGE_MAX)
        int page,
        @Schema(description = "The page size asked for", minimum = "1", maximum = "" + ApiBounds.PAGE_SIZE_MAX)
        int size,
        @Schema(description = "Records on all pages", minimum = "0", maximum = ApiBounds.LONG_MAX)
        long totalElements,
        @Schema(description = "Number of pages", minimum = "0", maximum = "" + Integer.MAX_VALUE)
        int totalPages) {

    public static <T> PageResponse<T> of(List<T> content, int page, int size, long totalElements) {
        return new PageResponse<>(content, page, size, totalElements,
                (int) Math.min(Integer.MAX_VALUE, (totalElements + size - 1) / size));
    }

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return of(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
