package io.github.formancecommunity.orchestration.client.docs;

import java.time.Duration;

import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.observation.ObservationRegistry;

/** The fully decorated plain-Java client of {@code docs/client-without-spring.md}; compiled and tested. */
public final class PlainJavaClientExample {

    private PlainJavaClientExample() {
    }

    /**
     * A client with OAuth2 client credentials, retries, a circuit breaker and an observation per call.
     *
     * @param baseUrl      the Formance Stack, e.g. {@code https://org-stack.eu.sandbox.formance.cloud}
     * @param clientId     the OAuth2 client id
     * @param clientSecret the OAuth2 client secret
     * @param observations the application's observation registry (timer and span handlers)
     * @return the client; close it to release its connections and token endpoint
     */
    public static OrchestrationV1Client decoratedClient(String baseUrl, String clientId, String clientSecret,
            ObservationRegistry observations) {
        // tag::decorated-client[]
        OrchestrationV1Client client = OrchestrationV1Client.builder()
                .baseUrl(baseUrl)
                .clientCredentials(clientId, clientSecret)          // token URL: /api/auth/oauth/token
                .retry(3, Duration.ofMillis(200), Duration.ofSeconds(2), 2.0)
                .circuitBreaker(CircuitBreaker.ofDefaults("formance-orchestration"))
                .observationRegistry(observations)                  // timer + span per call, traceparent sent
                .build();
        // end::decorated-client[]
        return client;
    }
}
