package dev.onewindow.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address an anonymous request is counted under: the TCP peer, unless that peer is one of the configured trusted
 * proxies (e.g. the ingress), in which case {@code X-Forwarded-For} is read from the right, skipping trusted hops;
 * the first untrusted hop is the client. A forged {@code X-Forwarded-For} from an untrusted peer is ignored, and no
 * header value ever triggers a DNS look-up.
 */
public final class ClientAddressResolver {

    private final List<Cidr> trusted;

    public ClientAddressResolver(List<String> trustedProxies) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            ranges.add(Cidr.parse(entry.trim()));
        }
        this.trusted = List.copyOf(ranges);
    }

    public String resolve(ServerHttpRequest request) {
        return resolve(request.getRemoteAddress(), request.getHeaders().get("X-Forwarded-For"));
    }

    /** The client address from the TCP peer and the request's {@code X-Forwarded-For} headers (may be null). */
    public String resolve(InetSocketAddress remote, List<String> forwarded) {
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress peer = remote.getAddress();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer.getHostAddress();
        }
        if (forwarded == null || forwarded.isEmpty()) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwarded) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer.getHostAddress();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = Cidr.literal(hops.get(i));
            if (hop == null) {
                break; // garbage: stop at the last hop we could read
            }
            client = hop.getHostAddress();
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address range such as {@code 10.0.0.0/8}, {@code 127.0.0.1} or {@code ::1/128}. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String value) {
            int slash = value.indexOf('/');
            InetAddress address = literal(slash < 0 ? value : value.substring(0, slash));
            if (address == null) {
                throw new IllegalStateException("not an IP address or CIDR range: " + value);
            }
            byte[] bytes = address.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalStateException("bad prefix length in " + value);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }

        /** Parses an IPv4 or IPv6 literal; anything else (host names included) gives {@code null}, no DNS. */
        static InetAddress literal(String value) {
            if (value == null || value.isEmpty() || value.length() > 45) {
                return null;
            }
            String candidate = value.startsWith("[") && value.endsWith("]")
                    ? value.substring(1, value.length() - 1) : value;
            boolean colon = candidate.indexOf(':') >= 0;
            for (int i = 0; i < candidate.length(); i++) {
                char c = candidate.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || c == '.'
                        || (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
                if (!ok) {
                    return null;
                }
            }
            if (!colon && candidate.chars().filter(c -> c == '.').count() != 3) {
                return null;
            }
            try {
                return InetAddress.getByName(candidate); // a literal: parsed, never resolved
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
