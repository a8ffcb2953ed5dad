package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.ServerErrors;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * The decoration SPI the starter builds on: interceptors wrap each call on the caller's thread, first added
 * outermost, see typed exceptions, and send one request per {@code execute()}; Feign customizers reach the
 * client's own builder.
 */
class CallInterceptorTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void interceptorsRunOnTheCallersThreadFirstAddedOutermost() throws IOException {
        try (OrchestrationV1Client client = TestClients.builder(server)
                .interceptor(recording("outer")).interceptor(recording("inner")).build()) {
            OperationScenarios.getServerInfo().run(server, client);
        }

        String thread = Thread.currentThread().getName();
        assertThat(events).containsExactly("outer> orchestrationgetServerInfo on " + thread,
                "inner> orchestrationgetServerInfo on " + thread, "<inner", "<outer");
    }

    @Test
    void eachExecuteSendsTheRequestAgain() throws IOException {
        OrchestrationCallInterceptor twice = new OrchestrationCallInterceptor() {
            @Override
            public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
                call.execute();
                return call.execute();
            }
        };

        try (OrchestrationV1Client client = TestClients.builder(server).interceptor(twice).build()) {
            OperationScenarios.cancelEvent().run(server, client);
        }

        assertThat(server.getAllServeEvents()).hasSize(2);
    }

    @Test
    void interceptorsSeeTheTypedException() throws IOException {
        server.stubFor(ServerErrors.internal().stub());
        OrchestrationCallInterceptor classifier = new OrchestrationCallInterceptor() {
            @Override
            public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
                try {
                    return call.execute();
                }
                catch (OrchestrationApiException ex) {
                    events.add(operation.operationId() + " failed with " + ex.status() + " " + ex.errorCode());
                    throw ex;
                }
            }
        };

        try (OrchestrationV1Client client = TestClients.builder(server).interceptor(classifier).build()) {
            assertThatExceptionOfType(OrchestrationApiException.class)
                    .isThrownBy(() -> ServerErrors.internal().call().accept(client));
        }

        assertThat(events).containsExactly("getInstance failed with 500 INTERNAL");
    }

    @Test
    void invalidArgumentsNeverReachTheInterceptors() throws IOException {
        try (OrchestrationV1Client client = TestClients.builder(server).interceptor(recording("only")).build()) {
            assertThatIllegalArgumentException().isThrownBy(() -> client.getInstance(" "));
        }

        assertThat(events).isEmpty();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aFeignCustomizerShapesThisClientsRequests() throws IOException {
        try (OrchestrationV1Client client = TestClients.builder(server)
                .feignCustomizer(feign -> feign.requestInterceptor(template -> template.header("X-Tenant", "acme")))
                .build()) {
            OperationScenarios.listWorkflows().run(server, client);
        }

        server.verify(1, anyRequestedFor(anyUrl()).withHeader("X-Tenant", equalTo("acme"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
    }

    private OrchestrationCallInterceptor recording(String name) {
        return new OrchestrationCallInterceptor() {
            @Override
            public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
                events.add(name + "> " + operation.operationId() + " on " + Thread.currentThread().getName());
                T result = call.execute();
                events.add("<" + name);
                return result;
            }
        };
    }
}
