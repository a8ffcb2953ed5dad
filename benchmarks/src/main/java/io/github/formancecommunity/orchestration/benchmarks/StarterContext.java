package io.github.formancecommunity.orchestration.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.formancecommunity.orchestration.client.OrchestrationCallInterceptor;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts a minimal non-web Spring Boot application with the starter on the class path and hands out its
 * {@link OrchestrationV1} bean: client (a) and its one-decoration variants. These set
 * {@code formance.orchestration.spring-cloud.enabled=false}, so that the client builds its own Feign target even
 * on a class path with Spring Cloud OpenFeign (the tests'); client (d), in Spring Cloud OpenFeign mode, is
 * {@link SpringCloudContext}'s.
 */
final class StarterContext {

    /** The property that switches Spring Cloud OpenFeign mode off (it is on by default where available). */
    static final String SPRING_CLOUD_PROPERTY = "formance.orchestration.spring-cloud.enabled";

    private StarterContext() {
    }

    /**
     * Starts the application.
     *
     * @param baseUrl    the server, without path prefix
     * @param token      the static bearer token ({@code formance.orchestration.auth.token})
     * @param overrides  further {@code formance.orchestration.*} properties
     */
    static BenchmarkTarget start(String baseUrl, String token, Map<String, Object> overrides) {
        Map<String, Object> properties = properties(baseUrl, token);
        properties.put(SPRING_CLOUD_PROPERTY, false);
        properties.putAll(overrides);
        ConfigurableApplicationContext context = startContext(properties);
        try {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            List<String> interceptors = context.getBeanProvider(OrchestrationCallInterceptor.class)
                    .orderedStream()
                    .map(interceptor -> interceptor.getClass().getSimpleName())
                    .toList();
            return new OrchestrationV1Target(client, context, client + " with interceptors " + interceptors);
        }
        catch (RuntimeException ex) {
            context.close();
            throw new IllegalStateException("the starter registered no OrchestrationV1 bean: " + ex.getMessage(), ex);
        }
    }

    /** The properties every variant sets: the canned server, its path prefix and token, quiet logging. */
    static Map<String, Object> properties(String baseUrl, String token) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("formance.orchestration.base-url", baseUrl);
        properties.put("formance.orchestration.path-prefix", CannedOrchestrationServer.PATH_PREFIX);
        properties.put("formance.orchestration.auth.token", token);
        properties.put("logging.level.root", "WARN");
        return properties;
    }

    /** Starts the application with the given properties (base URL, token and decorations included). */
    static ConfigurableApplicationContext startContext(Map<String, Object> properties) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties(properties)
                .run();
    }

    /** The property that gives the application an observation registry ({@link ObservedApplication}). */
    static final String OBSERVATION_REGISTRY_PROPERTY = "benchmark.observation-registry";

    /** The application: auto-configuration plus the meter registry an application with actuator would have. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(ObservedApplication.class)
    static class BenchmarkApplication {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /**
     * With {@value #OBSERVATION_REGISTRY_PROPERTY}{@code =true}, the observation registry an application with actuator
     * has: its meter handler makes the request timer and the long-task timer of calls in flight from each
     * observation, as Boot's does.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(OBSERVATION_REGISTRY_PROPERTY)
    static class ObservedApplication {

        @Bean
        ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
            return registry;
        }
    }
}
