package dev.onewindow.gateway.security;

import java.util.function.Predicate;

import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall (normalised paths, no encoded slashes, no control characters, ...) with its
 * header and parameter character rules expressed as plain loops instead of regular expressions: the same rule
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tab allowed in header values), but checked on the gateway's hot path
 * for every header read, including a kilobyte-long {@code Authorization} value.
 */
public final class HeaderCharacters {

    static final Predicate<String> NAMES = value -> assignedAndNotControl(value, false);
    static final Predicate<String> VALUES = value -> assignedAndNotControl(value, true);

    private HeaderCharacters() {
    }

    static ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(VALUES);
        firewall.setAllowedParameterNames(NAMES);
        firewall.setAllowedParameterValues(NAMES);
        return firewall;
    }

    public static boolean assignedAndNotControl(String value, boolean allowTab) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII: assigned, not a control character
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            boolean allowed = (allowTab && codePoint == '\t')
                    || (!Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.UNASSIGNED);
            if (!allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
