package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import feign.Feign;
import io.github.formancecommunity.orchestration.client.fixtures.Payloads;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;

/**
 * The headers of a JSON exchange on both wire paths: the client's own target, and a target made by an
 * {@link OrchestrationFeignTargetFactory} on its own Feign builder. Every request accepts JSON; a request with a body
 * says it is JSON and has a fixed length (the real server ignores a chunked {@code runWorkflow} body).
 */
class JsonRequestHeadersTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    /** Builds the target on a plain Feign builder, with an interceptor of the application that sets Accept. */
    static final class PlainFactory implements OrchestrationFeignTargetFactory {

        @Override
        public <T> T create(OrchestrationFeignTarget<T> target) {
            Feign.Builder builder = Feign.builder().options(target.options()).client(target.defaultClient());
            target.configure(builder);
            builder.requestInterceptor(template -> {
                if (template.url().contains("_info")) {
                    template.removeHeader("Accept");
                    template.header("Accept", "application/json; charset=utf-8");
                }
            });
            return builder.target(target.type(), target.baseUrl() + target.pathPrefix());
        }
    }

    private OrchestrationV1Client client(String wire) {
        var builder = OrchestrationV1Client.builder().baseUrl(server.baseUrl()).pathPrefix("").bearerToken("t");
        if (wire.equals("factory")) {
            builder.targetFactory(new PlainFactory());
        }
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "factory"})
    void aBodyIsJsonWithAFixedLength(String wire) throws Exception {
        server.stubFor(post(urlPathEqualTo("/workflows/wf-1/instances"))
                .willReturn(okJson(Payloads.read("instance-started.json")).withStatus(201)));

        try (OrchestrationV1Client client = client(wire)) {
            client.runWorkflow("wf-1", Map.of("amount", "100"));
        }

        LoggedRequest request = server.findAll(postRequestedFor(urlPathEqualTo("/workflows/wf-1/instances"))).get(0);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("Content-Length"))
                .isEqualTo(Integer.toString(request.getBodyAsString().getBytes(StandardCharsets.UTF_8).length));
        assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
        assertThat(request.getBodyAsString()).isEqualTo("{\"amount\":\"100\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"own", "factory"})
    void aRequestWithoutBodyOnlyAcceptsJson(String wire) throws Exception {
        server.stubFor(get(urlPathEqualTo("/workflows")).willReturn(okJson("{\"data\":[]}")));

        try (OrchestrationV1Client client = client(wire)) {
            assertThat(client.listWorkflows()).isEmpty();
        }

        server.verify(getRequestedFor(urlPathEqualTo("/workflows")).withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", absent()).withHeader("Authorization", equalTo("Bearer t")));
    }

    @Test
    void anInterceptorOfTheApplicationCanReplaceAJsonHeader() throws Exception {
        server.stubFor(get(urlPathEqualTo("/_info")).willReturn(okJson(Payloads.read("server-info.json"))));

        try (OrchestrationV1Client client = client("factory")) {
            client.getServerInfo();
        }

        server.verify(getRequestedFor(urlPathEqualTo("/_info"))
                .withHeader("Accept", equalTo("application/json; charset=utf-8")));
    }
}
