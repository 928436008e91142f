package dev.onewindow.elicense;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ELicenseApplication {

    public static void main(String[] args) {
        SpringApplication.run(ELicenseApplication.class, args);
    }
}
