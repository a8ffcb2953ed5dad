package io.github.formancecommunity.orchestration.client.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;

class TokenEndpointTests {

    private static final String PATH = "/api/auth/oauth/token";
    private static final String SECRET = "s3cr&t=+/value";

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void postsTheClientCredentialsFormAndReadsTheToken() {
        wm.stubFor(post(PATH).willReturn(okJson(
                "{\"access_token\":\"tok-1\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"x\"}")));

        AccessToken token = endpoint(Duration.ofSeconds(5)).fetch("orchestration:read");

        assertThat(token.value()).isEqualTo("tok-1");
        assertThat(token.lifetime()).isEqualTo(Duration.ofHours(1));
        wm.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo("app id"))
                .withFormParam("client_secret", equalTo(SECRET))
                .withFormParam("scope", equalTo("orchestration:read")));
    }

    static Stream<Arguments> lifetimes() {
        return Stream.of(
                Arguments.of("{\"access_token\":\"t\",\"expires_in\":\"120\"}", Duration.ofSeconds(120)),
                Arguments.of("{\"access_token\":\"t\",\"expires_in\":59.9}", null),
                Arguments.of("{\"access_token\":\"t\"}", null),
                Arguments.of("{\"access_token\":\"t\",\"expires_in\":0}", null),
                Arguments.of("{\"access_token\":\"t\",\"expires_in\":-5}", null),
                Arguments.of("{\"access_token\":\"t\",\"expires_in\":\"soon\"}", null),
                Arguments.of("{\"access_token\":\"t\",\"expires_in\":null,\"token_type\":\"bearer\"}", null),
                Arguments.of("{\"access_token\":\"t\",\"expires_in\":60,\"token_type\":null}",
                        Duration.ofSeconds(60)));
    }

    @ParameterizedTest
    @MethodSource("lifetimes")
    void readsExpiresInLeniently(String body, Duration lifetime) {
        wm.stubFor(post(PATH).willReturn(okJson(body)));

        AccessToken token = endpoint(Duration.ofSeconds(5)).fetch("orchestration:write");

        assertThat(token.value()).isEqualTo("t");
        assertThat(token.lifetime()).isEqualTo(lifetime);
    }

    static Stream<Arguments> failures() {
        String encodedSecret = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(aResponse().withStatus(401), 401,
                        "HTTP 401 with an empty body; check formance.orchestration.auth.client-id and client-secret"),
                Arguments.of(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"wrong secret " + SECRET
                                + "\"}"),
                        401, "HTTP 401: invalid_client (wrong secret ****)"),
                Arguments.of(aResponse().withStatus(400).withHeader("Content-Type", "text/plain")
                        .withBody("bad request: client_secret=" + encodedSecret), 400,
                        "HTTP 400 with a text/plain body: bad request: client_secret=****"),
                Arguments.of(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                        .withBody("<html>\n<body><h1>500 Internal Server Error</h1></body>\n</html>"), 500,
                        "HTTP 500 with a text/html body: <html> <body><h1>500 Internal Server Error</h1>"),
                Arguments.of(aResponse().withStatus(502).withBody("x".repeat(1000)), 502,
                        "HTTP 502 with a body without content type: " + "x".repeat(200) + "..."),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{not json, maybe tok-leak"), 200,
                        "HTTP 200 with a body that is not JSON (application/json, 25 bytes)"),
                Arguments.of(okJson("[\"tok-leak\"]"), 200, "HTTP 200 with JSON that is not an object"),
                Arguments.of(okJson("{\"token\":\"tok-leak\"}"), 200, "HTTP 200 without an access_token"),
                Arguments.of(okJson("{\"access_token\":42}"), 200, "HTTP 200 without an access_token"),
                Arguments.of(okJson("{\"access_token\":\" \"}"), 200, "HTTP 200 without an access_token"),
                Arguments.of(okJson("{\"access_token\":\"tok-leak\",\"token_type\":\"mac\"}"), 200,
                        "HTTP 200 with token_type 'mac', expected Bearer"),
                Arguments.of(okJson("{\"access_token\":\"" + "tok-leak".repeat(10_000) + "\"}"), 200,
                        "HTTP 200 with a body larger than 65536 bytes"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void everyFailureIsAnAuthenticationExceptionWithoutSecrets(ResponseDefinitionBuilder response, int status,
            String detail) {
        wm.stubFor(post(PATH).willReturn(response));

        OrchestrationAuthenticationException failure = catchThrowableOfType(OrchestrationAuthenticationException.class,
                () -> endpoint(Duration.ofSeconds(5)).fetch("orchestration:read"));

        assertThat(failure).isNotNull();
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.operation()).isNull();
        assertThat(failure.getMessage())
                .startsWith("Could not obtain an access token for scope 'orchestration:read' from " + uri()
                        + " (client 'app id'): ")
                .contains(detail)
                .doesNotContain(SECRET)
                .doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
                .doesNotContain("tok-leak");
    }

    @Test
    void aRefusedConnectionIsAnAuthenticationException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + PATH);
        TokenEndpoint endpoint = new TokenEndpoint(closed, "app id", SECRET, Duration.ofSeconds(5),
                Duration.ofSeconds(5));

        OrchestrationAuthenticationException failure = catchThrowableOfType(OrchestrationAuthenticationException.class,
                () -> endpoint.fetch("orchestration:read"));

        assertThat(failure.status()).isEqualTo(-1);
        assertThat(failure.getMessage()).contains("from " + closed).contains("could not connect (ConnectException")
                .doesNotContain(SECRET);
    }

    @Test
    void aSlowEndpointHitsTheReadTimeOut() {
        wm.stubFor(post(PATH).willReturn(okJson("{\"access_token\":\"tok\"}").withFixedDelay(3_000)));

        OrchestrationAuthenticationException failure = catchThrowableOfType(OrchestrationAuthenticationException.class,
                () -> endpoint(Duration.ofMillis(100)).fetch("orchestration:read"));

        assertThat(failure.status()).isEqualTo(-1);
        assertThat(failure.getMessage()).contains("no response within 100 ms (read time-out)");
    }

    @Test
    void aBodyThatTricklesInHitsTheReadTimeOutToo() {
        // headers and the first bytes come at once, the rest of the body over 20 s
        String body = "{\"access_token\":\"tok\",\"expires_in\":60,\"pad\":\"" + "x".repeat(400) + "\"}";
        wm.stubFor(post(PATH).willReturn(okJson(body).withChunkedDribbleDelay(400, 20_000)));

        OrchestrationAuthenticationException failure = catchThrowableOfType(OrchestrationAuthenticationException.class,
                () -> endpoint(Duration.ofMillis(1_000)).fetch("orchestration:read"));

        assertThat(failure).isNotNull();
        assertThat(failure.status()).isEqualTo(-1);
        assertThat(failure.getMessage()).contains("no response within 1000 ms (read time-out)");
    }

    @Test
    void anInterruptedCallerGetsAnAuthenticationExceptionAndKeepsTheFlag() throws InterruptedException {
        wm.stubFor(post(PATH).willReturn(okJson("{\"access_token\":\"tok\"}").withFixedDelay(10_000)));
        TokenEndpoint endpoint = endpoint(Duration.ofSeconds(30));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                endpoint.fetch("orchestration:read");
            }
            catch (RuntimeException ex) {
                failure.set(ex);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.setDaemon(true);
        caller.start();
        Threads.awaitParkedIn(List.of(caller), "TokenEndpoint.fetch");

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(failure.get()).isInstanceOf(OrchestrationAuthenticationException.class)
                .hasMessageContaining("the calling thread was interrupted");
        assertThat(interrupted.get()).isTrue();
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(endpoint(Duration.ofSeconds(1)).toString()).contains("app id").doesNotContain(SECRET);
    }

    @Test
    void relativeTokenUrlsAreResolvedAgainstTheBaseUrl() {
        assertThat(TokenUrl.resolve("https://org.eu.sandbox.formance.cloud", "/api/auth/oauth/token"))
                .hasToString("https://org.eu.sandbox.formance.cloud/api/auth/oauth/token");
        assertThat(TokenUrl.resolve("https://gateway.example.com/stack-1/", "/api/auth/oauth/token"))
                .hasToString("https://gateway.example.com/api/auth/oauth/token");
        assertThat(TokenUrl.resolve("https://gateway.example.com/stack-1", "oauth/token"))
                .hasToString("https://gateway.example.com/stack-1/oauth/token");
        assertThat(TokenUrl.resolve("http://localhost:8080", " https://auth.example.com/token "))
                .hasToString("https://auth.example.com/token");
    }

    private static URI uri() {
        return URI.create(wm.baseUrl() + PATH);
    }

    private static TokenEndpoint endpoint(Duration readTimeout) {
        return new TokenEndpoint(uri(), "app id", SECRET, Duration.ofSeconds(5), readTimeout);
    }
}
