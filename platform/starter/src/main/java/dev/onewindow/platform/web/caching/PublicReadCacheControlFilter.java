package dev.onewindow.platform.web.caching;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says who may keep the answer to a cacheable public read, once the answer is known to be a 200 or 304 (before it
 * is sent: {@link PublicReadEtagFilter}, outside this one, holds the body):
 * <ul>
 * <li>anonymous: {@code Cache-Control: public, max-age=N} (the rule's, or less where the controller knows the answer
 *     ends sooner, {@link AnswerLifetime}) — any cache, the gateway's included, may keep it that long;</li>
 * <li>with credentials ({@code Authorization}): {@code private, no-cache} or {@code private, no-store} by the rule —
 *     never public, whatever the controller set, since a signed-in caller may be shown more than the public;</li>
 * <li>both: {@code Vary: Authorization}, so no cache hands an anonymous answer to a signed-in caller or back.</li>
 * </ul>
 * Every other answer (errors, other paths) keeps Spring Security's {@code no-cache, no-store, max-age=0,
 * must-revalidate}: Security writes it only when the response has no {@code Cache-Control} yet, which is why this
 * filter runs inside Security's filter chain.
 */
public class PublicReadCacheControlFilter extends OncePerRequestFilter {

    private final CacheablePublicReads reads;

    public PublicReadCacheControlFilter(CacheablePublicReads reads) {
        this.reads = reads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return reads.find(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        Optional<CacheablePublicReads.Rule> rule = reads.find(request);
        // a 304 here was answered by the controller's own ETag (a ResponseEntity with one): it carries what the 200
        // would (RFC 9110 §15.4.5)
        int status = response.getStatus();
        if (rule.isEmpty() || (status != HttpStatus.OK.value() && status != HttpStatus.NOT_MODIFIED.value())
                || response.isCommitted()) {
            return;
        }
        if (CacheablePublicReads.carriesCredentials(request)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, rule.get().withCredentials().cacheControl());
        } else {
            Duration lifetime = request.getAttribute(AnswerLifetime.ATTRIBUTE) instanceof Duration d ? d : null;
            response.setHeader(HttpHeaders.CACHE_CONTROL, rule.get().publicCacheControl(lifetime));
        }
        // no Pragma or Expires: Cache-Control governs (RFC 9111 §5.3, §5.4)
        if (!response.getHeaders(HttpHeaders.VARY).contains(HttpHeaders.AUTHORIZATION)) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        }
    }
}
