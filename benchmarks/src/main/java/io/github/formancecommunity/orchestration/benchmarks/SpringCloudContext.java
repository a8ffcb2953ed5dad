package io.github.formancecommunity.orchestration.benchmarks;

import java.util.Map;

import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import feign.Client;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;

/**
 * Client (d): the same minimal application as {@link StarterContext} with Spring Cloud OpenFeign and
 * orchestration-spring-cloud-openfeign on the class path and no other setting, so that the starter's
 * {@link OrchestrationV1} bean gets its Feign target from Spring Cloud OpenFeign as the client
 * {@value #CLIENT_NAME} (an http base URL: the canned server, no load balancer).
 *
 * <p>Only loaded where those are on the class path (the tests', and the Spring Cloud JMH fork, to which the
 * harness adds them); elsewhere {@link #start} says what is missing.
 */
final class SpringCloudContext {

    /** The Spring Cloud OpenFeign client name and child context of the Orchestration client. */
    static final String CLIENT_NAME = "formance-orchestration";

    static final String INTEGRATION_CLASS =
            "io.github.formancecommunity.orchestration.cloud.OrchestrationSpringCloudAutoConfiguration";

    private SpringCloudContext() {
    }

    /**
     * Starts the application, makes one call (which builds the client) and checks that the client was built
     * through Spring Cloud OpenFeign: its child context {@value #CLIENT_NAME} exists.
     *
     * @param baseUrl the server, without path prefix
     * @param token   the static bearer token
     * @throws IllegalStateException when Spring Cloud OpenFeign or the integration is not on the class path, or
     *                               the client was not built through it
     */
    static BenchmarkTarget start(String baseUrl, String token) {
        if (!ClassUtils.isPresent(INTEGRATION_CLASS, SpringCloudContext.class.getClassLoader())) {
            throw new IllegalStateException("the Spring Cloud OpenFeign client needs "
                    + "orchestration-spring-cloud-openfeign and spring-cloud-starter-openfeign on the class path (run-benchmarks.sh adds "
                    + "benchmarks/target/spring-cloud-classpath.txt for it)");
        }
        Map<String, Object> properties = StarterContext.properties(baseUrl, token);
        properties.put(StarterContext.SPRING_CLOUD_PROPERTY, true);
        ConfigurableApplicationContext context = StarterContext.startContext(properties);
        try {
            OrchestrationV1 client = context.getBean(OrchestrationV1.class);
            client.getWorkflow(CannedPayloads.WORKFLOW_ID);
            FeignClientFactory feignClients = context.getBean(FeignClientFactory.class);
            if (!feignClients.getContextNames().contains(CLIENT_NAME)) {
                throw new IllegalStateException("the client was not built through Spring Cloud OpenFeign: no child "
                        + "context " + CLIENT_NAME + " among " + feignClients.getContextNames());
            }
            Client transport = feignClients.getInstance(CLIENT_NAME, Client.class);
            return new OrchestrationV1Target(client, context, client + " through Spring Cloud OpenFeign client "
                    + CLIENT_NAME + ", HTTP client: " + (transport == null ? "the client's own transport"
                            : transport.getClass().getName() + " from Spring Cloud"));
        }
        catch (RuntimeException ex) {
            context.close();
            throw ex;
        }
    }
}
