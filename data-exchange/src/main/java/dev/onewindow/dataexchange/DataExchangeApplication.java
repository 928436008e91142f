package dev.onewindow.dataexchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DataExchangeApplication {

    public static void main(String[] args) {
        SpringApplication.run(DataExchangeApplication.class, args);
    }
}
