package dev.onewindow.platform.web.caching;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Spring's {@link ShallowEtagHeaderFilter} on the cacheable public reads only: a strong {@code ETag} (a digest of the
 * body) on every 200 to a GET that may be kept — unless the controller set the ETag the domain already has, such as
 * a revision — and 304 Not Modified, without a body, when {@code If-None-Match} names it (in a list, weak or strong:
 * RFC 9110 §13.1.2 compares weakly) or is {@code *}. An answer marked {@code no-store} gets none (it is kept
 * nowhere). It holds the body until the answer is complete, which also lets {@link PublicReadCacheControlFilter}
 * set headers once the status is known.
 */
public class PublicReadEtagFilter extends ShallowEtagHeaderFilter {

    private final CacheablePublicReads reads;

    public PublicReadEtagFilter(CacheablePublicReads reads) {
        this.reads = reads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Spring answers HEAD without writing the body, so only a GET has one to digest
        return !HttpMethod.GET.matches(request.getMethod()) || reads.find(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        super.doFilterInternal(starAsCurrentTag(request, response), response, chain);
    }

    /**
     * {@code If-None-Match: *} is false "if the origin server has a current representation" (RFC 9110 §13.1.2), so a
     * GET of an existing answer is 304; Spring matches {@code *} only for unsafe methods. The request then names the
     * ETag the answer got — read when Spring compares, after the answer is complete.
     */
    private static HttpServletRequest starAsCurrentTag(HttpServletRequest request, HttpServletResponse response) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || !ifNoneMatch.trim().equals("*")) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                String current = currentTag(name);
                return current != null ? current : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                String current = currentTag(name);
                return current != null ? Collections.enumeration(List.of(current)) : super.getHeaders(name);
            }

            private String currentTag(String name) {
                return HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(name) ? response.getHeader(HttpHeaders.ETAG) : null;
            }
        };
    }
}
