package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.TestClients;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;

/** The transport returns every connection to the pool, whatever the response, and sends URLs as Feign built them. */
class ApacheHttpClient5TransportTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private PoolingHttpClientConnectionManager pool;
    private CloseableHttpClient http;
    private OrchestrationV1Client client;

    @BeforeEach
    void build() {
        pool = PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(1).setMaxConnPerRoute(1).build();
        http = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries().build();
        client = TestClients.builder(server)
                .httpClient(new ApacheHttpClient5Transport(http, RequestConfig.DEFAULT))
                .build();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        http.close();
    }

    @Test
    void releasesTheConnectionAfterABodyAnEmpty204AnUnreadBodyAndAnErrorBody() {
        server.stubFor(get("/api/orchestration/workflows/wf")
                .willReturn(okJson("{\"data\":{\"id\":\"wf\",\"config\":{\"stages\":[]}}}")));
        server.stubFor(delete("/api/orchestration/workflows/wf").willReturn(aResponse().withStatus(204)));
        // A void operation answered with an unexpected body nobody reads: only closing the body releases it.
        server.stubFor(delete("/api/orchestration/triggers/tr").willReturn(okJson("{\"data\":\"" + "y".repeat(100_000)
                + "\"}")));
        server.stubFor(get("/api/orchestration/workflows/missing").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"" + "x".repeat(100_000) + "\"}")));

        for (int i = 0; i < 3; i++) {
            assertThat(client.getWorkflow("wf").id()).isEqualTo("wf");
            assertThat(pool.getTotalStats().getLeased()).isZero();
            client.deleteWorkflow("wf");
            assertThat(pool.getTotalStats().getLeased()).isZero();
            client.deleteTrigger("tr");
            assertThat(pool.getTotalStats().getLeased()).isZero();
            assertThatExceptionOfType(OrchestrationApiException.class)
                    .isThrownBy(() -> client.getWorkflow("missing"))
                    .satisfies(ex -> assertThat(ex.status()).isEqualTo(404));
            assertThat(pool.getTotalStats().getLeased()).isZero();
        }
        assertThat(pool.getTotalStats().getAvailable()).isEqualTo(1);
    }

    @Test
    void sendsThePathAndQueryAsEncodedByFeign() {
        server.stubFor(get(urlEqualTo("/api/orchestration/instances?workflowID=a%20b%2Fc&running=true"))
                .willReturn(okJson("{\"data\":[]}")));

        assertThat(client.listInstances(new InstanceQuery("a b/c", true))).isEmpty();

        server.verify(getRequestedFor(urlEqualTo("/api/orchestration/instances?workflowID=a%20b%2Fc&running=true"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withHeader("Accept", equalTo("application/json")));
    }
}
