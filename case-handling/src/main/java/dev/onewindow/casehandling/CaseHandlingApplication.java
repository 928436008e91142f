package dev.onewindow.casehandling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaseHandlingApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseHandlingApplication.class, args);
    }
}
