package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import feign.Contract;
import feign.Feign;
import feign.Logger;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * The target-factory seam: a factory creates the Feign target on its own builder, the client's
 * {@link OrchestrationFeignTarget#configure(Feign.Builder)} keeps its contract, codecs, error decoder and
 * authentication on it, and calls still run through the client's interceptors; other URL schemes only with a
 * factory that accepts them.
 */
class FeignTargetFactoryTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    /** A factory that builds on its own Feign builder, with a contract the client must replace. */
    static final class RecordingFactory implements OrchestrationFeignTargetFactory {

        final AtomicReference<OrchestrationFeignTarget<?>> target = new AtomicReference<>();
        final List<URI> checked = new ArrayList<>();
        String url;

        @Override
        public void checkBaseUrl(URI baseUrl) {
            checked.add(baseUrl);
        }

        @Override
        public <T> T create(OrchestrationFeignTarget<T> target) {
            this.target.set(target);
            Feign.Builder builder = Feign.builder().contract(new UnusableContract())
                    .options(target.options()).client(target.defaultClient())
                    .requestInterceptor(template -> template.header("X-Framework", "yes"));
            target.configure(builder);
            return builder.target(target.type(), url != null ? url : target.baseUrl() + target.pathPrefix());
        }
    }

    static final class UnusableContract implements Contract {

        @Override
        public List<feign.MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
            throw new IllegalStateException("the framework's contract was used");
        }
    }

    @Test
    void theFactoryBuildsTheTargetAndTheClientKeepsItsOwnParts() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/orchestration/workflows")).willReturn(okJson("{\"data\":[]}")));
        server.stubFor(get(urlPathEqualTo("/api/orchestration/workflows/missing")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"no such workflow\"}")));
        RecordingFactory factory = new RecordingFactory();
        List<OrchestrationOperation> intercepted = new ArrayList<>();

        try (OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(server.baseUrl())
                .bearerToken("seam-token").readTimeout(Duration.ofSeconds(7)).logLevel(LogLevel.BASIC)
                .interceptor(new OrchestrationCallInterceptor() {
                    @Override
                    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
                        intercepted.add(operation);
                        return call.execute();
                    }
                })
                .targetFactory(factory).build()) {
            assertThat(client.listWorkflows()).isEmpty();
            assertThatThrownBy(() -> client.getWorkflow("missing"))
                    .isInstanceOfSatisfying(OrchestrationApiException.class,
                            ex -> assertThat(ex.status()).isEqualTo(404));

            assertThat(intercepted).containsExactly(OrchestrationOperation.LIST_WORKFLOWS,
                    OrchestrationOperation.GET_WORKFLOW);
            server.verify(getRequestedFor(urlPathEqualTo("/api/orchestration/workflows"))
                    .withHeader("Authorization", equalTo("Bearer seam-token"))
                    .withHeader("X-Framework", equalTo("yes")));
            OrchestrationFeignTarget<?> target = factory.target.get();
            assertThat(target.baseUrl()).isEqualTo(server.baseUrl());
            assertThat(target.pathPrefix()).isEqualTo("/api/orchestration");
            assertThat(target.options().readTimeoutMillis()).isEqualTo(7_000);
            assertThat(target.options().isFollowRedirects()).isFalse();
            assertThat(target.logLevel()).isEqualTo(Logger.Level.BASIC);
            assertThat(factory.checked).isEmpty();
        }
    }

    @Test
    void anotherSchemeIsAcceptedOnlyByAFactoryThatChecksIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().baseUrl("lb://orchestration").build())
                .withMessageContaining("lb://orchestration")
                .withMessageContaining("needs the Spring Cloud OpenFeign integration");

        RecordingFactory accepting = new RecordingFactory();
        OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl("lb://orchestration/")
                .targetFactory(accepting).lazy(true).build();
        assertThat(accepting.checked).containsOnly(URI.create("lb://orchestration/"));
        assertThat(client.toString()).contains("lb://orchestration/api/orchestration");

        OrchestrationFeignTargetFactory refusing = new OrchestrationFeignTargetFactory() {
            @Override
            public <T> T create(OrchestrationFeignTarget<T> target) {
                throw new AssertionError("not reached");
            }
        };
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().baseUrl("lb://orchestration")
                        .targetFactory(refusing).build())
                .withMessageContaining("'lb' URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().baseUrl("lb://user:secret@orchestration")
                        .targetFactory(accepting).build())
                .withMessageNotContaining("secret");
    }
}
