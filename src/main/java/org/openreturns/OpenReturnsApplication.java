package org.openreturns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenReturnsApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenReturnsApplication.class, args);
    }
}
