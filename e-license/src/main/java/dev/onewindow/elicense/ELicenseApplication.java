package dev.onewindow.elicense;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ELicenseApplication {

    public static void main(String[] args) {
        SpringApplication.run(ELicenseApplication.class, args);
    }
}
