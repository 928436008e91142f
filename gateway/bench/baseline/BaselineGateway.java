package dev.onewindow.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The benchmark's reference point: a default Spring Cloud Gateway with one route and no filters, no security, no
 * actuator — what the gateway benchmark measures as "a default route" (0.27 of direct). The route comes from the command line.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BaselineGateway {

    public static void main(String[] args) {
        SpringApplication.run(BaselineGateway.class, args);
    }
}
