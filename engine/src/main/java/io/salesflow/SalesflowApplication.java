package io.salesflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts Salesflow: the CRM, its API and the embedded Camunda 7 engine in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class SalesflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesflowApplication.class, args);
    }
}
