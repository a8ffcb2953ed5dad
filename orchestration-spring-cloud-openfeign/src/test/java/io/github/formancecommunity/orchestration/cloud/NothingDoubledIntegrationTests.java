package io.github.formancecommunity.orchestration.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import feign.Capability;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * With {@code spring.cloud.openfeign.circuitbreaker.enabled=true} (Spring Cloud CircuitBreaker over Resilience4j)
 * and Spring Cloud OpenFeign's Micrometer support active, the Orchestration client is decorated once, by its own
 * breaker on the caller's thread and its own timer, while another {@code @FeignClient} of the application gets
 * Spring Cloud's decorations.
 */
@SpringBootTest(classes = NothingDoubledIntegrationTests.App.class, properties = {
        "formance.orchestration.base-url=lb://orchestration",
        "formance.orchestration.initialization=eager",
        "formance.orchestration.auth.token=static-token",
        "formance.orchestration.retry.enabled=false",
        "formance.orchestration.circuit-breaker.sliding-window-size=2",
        "formance.orchestration.circuit-breaker.minimum-number-of-calls=2",
        "formance.orchestration.circuit-breaker.failure-rate-threshold=100",
        "spring.cloud.openfeign.circuitbreaker.enabled=true",
        "spring.cloud.openfeign.client.config.default.request-interceptors[0]="
                + "io.github.formancecommunity.orchestration.cloud.NothingDoubledIntegrationTests$ThreadRecorder"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NothingDoubledIntegrationTests {

    static final Map<String, Thread> threads = new ConcurrentHashMap<>();

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.orchestration[0].uri", server::baseUrl);
        registry.add("other.url", server::baseUrl);
    }

    @Autowired
    OrchestrationV1 orchestration;

    @Autowired
    OtherApi other;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FeignClientFactory feignClients;

    @BeforeEach
    void stubs() {
        threads.clear();
        server.stubFor(get(urlPathEqualTo("/api/orchestration/workflows")).willReturn(okJson("{\"data\":[]}")));
        server.stubFor(get(urlPathEqualTo("/other/ping")).willReturn(okJson("{\"pong\":true}")));
    }

    @Test
    @Order(1)
    void theClientRunsOnTheCallersThreadWhileSpringCloudsBreakerMovesOtherClients() {
        other.ping();
        orchestration.listWorkflows();

        assertThat(threads.get("orchestration")).isSameAs(Thread.currentThread());
        assertThat(threads.get("other")).isNotNull().isNotSameAs(Thread.currentThread());
    }

    @Test
    @Order(2)
    void theClientIsTimedOnceByItsOwnTimerAndNotBySpringCloudsMicrometerCapability() {
        other.ping();
        // Spring Cloud offers its Micrometer capability to this client too; the client leaves it out.
        assertThat(feignClients.getInstances(OrchestrationSpringCloudAutoConfiguration.CLIENT_NAME,
                Capability.class).values())
                .anySatisfy(capability -> assertThat(capability.getClass().getName()).startsWith("feign.micrometer."));
        assertThat(meters.find("http.client.requests").timers())
                .as("Spring Cloud's Feign observation of the other client").isNotEmpty();
        Set<Meter.Id> before = ids();
        double timed = timedListWorkflows();

        for (int i = 0; i < 3; i++) {
            orchestration.listWorkflows();
        }

        Set<Meter.Id> added = ids();
        added.removeAll(before);
        assertThat(added).allSatisfy(id -> assertThat(id.getName()).startsWith("formance.orchestration."));
        assertThat(timedListWorkflows() - timed).isEqualTo(3);
        assertThat(meters.get("formance.orchestration.client.requests").tag("operation", "listWorkflows")
                .tag("status", "200").timer().getId().getTag("method")).isEqualTo("GET");
    }

    @Test
    @Order(3)
    void theClientsOwnBreakerOpensAndThenSendsNothing() {
        server.stubFor(get(urlPathEqualTo("/api/orchestration/workflows/broken"))
                .willReturn(aResponse().withStatus(500)));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> orchestration.getWorkflow("broken"))
                    .isInstanceOfSatisfying(OrchestrationApiException.class,
                            ex -> assertThat(ex.status()).isEqualTo(500));
        }
        assertThatThrownBy(() -> orchestration.getWorkflow("broken"))
                .isInstanceOf(OrchestrationCircuitOpenException.class);

        server.verify(2, getRequestedFor(urlPathEqualTo("/api/orchestration/workflows/broken")));
    }

    private Set<Meter.Id> ids() {
        Set<Meter.Id> ids = new HashSet<>();
        meters.getMeters().forEach(meter -> ids.add(meter.getId()));
        return ids;
    }

    private double timedListWorkflows() {
        return meters.find("formance.orchestration.client.requests").tag("operation", "listWorkflows").timers()
                .stream().mapToLong(timer -> timer.count()).sum();
    }

    /** Records the thread each client's requests are built on, by client. */
    public static class ThreadRecorder implements RequestInterceptor {

        @Override
        public void apply(RequestTemplate template) {
            threads.put(template.feignTarget().name(), Thread.currentThread());
        }
    }

    @FeignClient(name = "other", url = "${other.url}")
    interface OtherApi {

        @GetMapping("/other/ping")
        String ping();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableFeignClients(clients = OtherApi.class)
    static class App {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** Spring Cloud's breaker of the other client: no 1-second time limit on a busy test machine. */
        @Bean
        Customizer<Resilience4JCircuitBreakerFactory> patientTimeLimiter() {
            return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMinutes(1)).build())
                    .circuitBreakerConfig(CircuitBreakerConfig.ofDefaults())
                    .build());
        }

    }
}
