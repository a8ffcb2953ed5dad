package io.github.formancecommunity.orchestration.benchmarks;

import java.util.Arrays;
import java.util.Map;

import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * The clients under test, named by the JMH {@code client} parameter.
 *
 * <ul>
 *   <li>{@code starter}: (a) the {@code OrchestrationV1} bean of the starter's auto-configuration with its
 *       defaults (metrics with a {@code SimpleMeterRegistry}, circuit breaker, retry) and a static bearer token;</li>
 *   <li>{@code plain}: (b) {@code OrchestrationV1Client.builder()} with the same base URL and bearer token and no
 *       interceptor, i.e. the client core without any decoration (same Feign, same pooled Apache HttpClient 5);</li>
 *   <li>{@code jdk}: (c) a JDK {@code HttpClient} plus Jackson 3, see {@link JdkHttpTarget};</li>
 *   <li>{@code cloud}: (d) the starter's bean as (a), in an application with Spring Cloud OpenFeign and
 *       orchestration-spring-cloud-openfeign: its Feign target built by Spring Cloud OpenFeign, see
 *       {@link SpringCloudContext} (needs those on the class path);</li>
 *   <li>{@code starter-bare}, {@code starter-metrics}, {@code starter-breaker}, {@code starter-retry}: the starter's
 *       bean with no decoration, or exactly one, to price each decoration.</li>
 * </ul>
 */
enum ClientKind {

    STARTER("starter", "(a) starter bean, all decorations on") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            return StarterContext.start(baseUrl, token, Map.of());
        }
    },
    PLAIN("plain", "(b) OrchestrationV1Client.builder(), no interceptor") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            OrchestrationV1Client client = OrchestrationV1Client.builder()
                    .baseUrl(baseUrl)
                    .pathPrefix(CannedOrchestrationServer.PATH_PREFIX)
                    .bearerToken(token)
                    .build();
            return new OrchestrationV1Target(client, client, client + " without interceptors");
        }
    },
    JDK("jdk", "(c) JDK HttpClient + Jackson 3") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            return new JdkHttpTarget(baseUrl, token);
        }
    },
    CLOUD("cloud", "(d) starter bean through Spring Cloud OpenFeign, all decorations on") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            return SpringCloudContext.start(baseUrl, token);
        }
    },
    STARTER_BARE("starter-bare", "starter bean, metrics, breaker and retry off") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            return StarterContext.start(baseUrl, token, decorations(false, false, false));
        }
    },
    STARTER_METRICS("starter-metrics", "starter bean, metrics only") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            return StarterContext.start(baseUrl, token, decorations(true, false, false));
        }
    },
    STARTER_BREAKER("starter-breaker", "starter bean, circuit breaker only") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            return StarterContext.start(baseUrl, token, decorations(false, true, false));
        }
    },
    STARTER_RETRY("starter-retry", "starter bean, retry only") {
        @Override
        BenchmarkTarget open(String baseUrl, String token) {
            return StarterContext.start(baseUrl, token, decorations(false, false, true));
        }
    };

    private final String param;
    private final String description;

    ClientKind(String param, String description) {
        this.param = param;
        this.description = description;
    }

    /** Opens the client against a server at {@code baseUrl} (without path prefix). */
    abstract BenchmarkTarget open(String baseUrl, String token);

    /** The JMH parameter value. */
    String param() {
        return param;
    }

    /** What the client is, for tables. */
    String description() {
        return description;
    }

    /** The kind a JMH parameter value names. */
    static ClientKind of(String param) {
        return Arrays.stream(values())
                .filter(kind -> kind.param.equals(param))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown client '" + param + "', expected one of "
                        + Arrays.stream(values()).map(ClientKind::param).toList()));
    }

    /** The {@code formance.orchestration.*} switches of the three decorations. */
    static Map<String, Object> decorations(boolean metrics, boolean breaker, boolean retry) {
        return Map.of("formance.orchestration.metrics.enabled", metrics,
                "formance.orchestration.circuit-breaker.enabled", breaker,
                "formance.orchestration.retry.enabled", retry);
    }
}
