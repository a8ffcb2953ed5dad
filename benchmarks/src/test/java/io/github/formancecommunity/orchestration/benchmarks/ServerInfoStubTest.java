package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

class ServerInfoStubTest {

    @Test
    void theClientReadsTheStubsServerInfo() throws Exception {
        try (ServerInfoStub stub = ServerInfoStub.start("/api/orchestration");
                OrchestrationV1Client client = OrchestrationV1Client.builder().baseUrl(stub.baseUrl()).build()) {

            assertThat(client.getServerInfo().version()).isEqualTo(ServerInfoStub.VERSION);
            assertThat(stub.infoRequests()).isEqualTo(1);
        }
    }

    @Test
    void answersOtherRoutesWith404AndDoesNotCountThem() throws Exception {
        try (ServerInfoStub stub = ServerInfoStub.start("/api/orchestration")) {
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(stub.baseUrl()
                    + "/api/orchestration/workflows")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unprefixed = http.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/_info"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(unprefixed.statusCode()).isEqualTo(404);
            assertThat(stub.infoRequests()).isZero();
        }
    }
}
