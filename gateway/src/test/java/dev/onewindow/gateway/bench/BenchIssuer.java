package dev.onewindow.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.onewindow.platform.testkit.TokenMinter;

/**
 * A tiny token issuer for {@code gateway/bench/gateway-bench.sh} (not a test): serves the test kit's JWKS and writes
 * the issuer URL and long-lived tokens to a directory, then keeps running until killed.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.onewindow.gateway.bench.BenchIssuer <output-dir>}
 */
public final class BenchIssuer {

    private BenchIssuer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        TokenMinter minter = TokenMinter.shared();
        Duration lifetime = Duration.ofHours(2);
        Files.writeString(dir.resolve("token-user"), minter.user("officer1", "window-officer").dept("SCJGJ")
                .region("341300").expiresIn(lifetime).mint());
        Files.writeString(dir.resolve("token-partner"), minter.client("partner-demo", "partner")
                .expiresIn(lifetime).mint());
        // written last: its presence tells the script the other files are ready
        Files.writeString(dir.resolve("issuer"), minter.issuer());
        System.out.println("bench issuer ready: " + minter.issuer());
        Thread.currentThread().join();
    }
}
