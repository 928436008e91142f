package dev.onewindow.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

    private static final String LOG_FACTORY = "org.apache.commons.logging.LogFactory";

    public static void main(String[] args) {
        // commons-logging 1.3 picks its SLF4J adapter, whose debug(Object) turns the message into a String before
        // the level check: every unguarded logger.debug(LogMessage.format(..)) in Spring Security's matchers then
        // runs String.format on each request. The Log4j API adapter (routed to SLF4J/Logback as well) checks first.
        if (System.getProperty(LOG_FACTORY) == null) {
            System.setProperty(LOG_FACTORY, "org.apache.commons.logging.impl.Log4jApiLogFactory");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
