package io.github.formancecommunity.orchestration.cloud.example;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * A Spring Cloud application using the starter and the Spring Cloud OpenFeign integration: two embedded
 * Orchestration servers stand for two instances of the service {@code orchestration} in Spring Cloud's simple
 * discovery client, {@code formance.orchestration.base-url} is {@code lb://orchestration}, and the client's calls
 * spread over both. Run it with
 * {@code ./mvnw -pl orchestration-spring-cloud-openfeign -am spring-boot:run}.
 */
@SpringBootApplication
public class SpringCloudExampleApplication {

    /** How many calls the example makes. */
    static final int CALLS = 6;

    public static void main(String[] args) {
        try (EmbeddedOrchestrationServer east = EmbeddedOrchestrationServer.builder().start();
                EmbeddedOrchestrationServer west = EmbeddedOrchestrationServer.builder().start();
                ConfigurableApplicationContext context = run(east, west, args)) {
            // The runner below has printed the report.
        }
    }

    /** Starts the application with the two servers as the instances of the service {@code orchestration}. */
    static ConfigurableApplicationContext run(EmbeddedOrchestrationServer east, EmbeddedOrchestrationServer west,
            String... args) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.web-application-type", "none");
        properties.put("formance.orchestration.base-url", "lb://orchestration");
        properties.put("spring.cloud.discovery.client.simple.instances.orchestration[0].uri", east.baseUrl());
        properties.put("spring.cloud.discovery.client.simple.instances.orchestration[1].uri", west.baseUrl());
        properties.put("spring.cloud.openfeign.client.config.formance-orchestration.read-timeout", "10000");
        properties.put("spring.cloud.openfeign.client.config.formance-orchestration.default-request-headers"
                + ".X-Example", "spring-cloud");
        SpringApplication application = new SpringApplication(SpringCloudExampleApplication.class);
        application.setDefaultProperties(properties);
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("east", east);
            context.getBeanFactory().registerSingleton("west", west);
        });
        return application.run(args);
    }

    @Bean
    ApplicationRunner spreadReport(OrchestrationV1 orchestration, Map<String, EmbeddedOrchestrationServer> instances) {
        return args -> {
            for (int i = 0; i < CALLS; i++) {
                orchestration.listWorkflows();
            }
            System.out.println("Spring Cloud OpenFeign client 'formance-orchestration' -> lb://orchestration:");
            instances.forEach((name, server) -> System.out.println("  " + name + " (" + server.baseUrl() + "): "
                    + server.exchanges(OrchestrationOperation.LIST_WORKFLOWS).size() + " of " + CALLS + " calls"));
        };
    }
}
