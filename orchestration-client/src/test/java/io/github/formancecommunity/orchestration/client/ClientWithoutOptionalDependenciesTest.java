package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Resilience4j and Micrometer are optional: a client loaded without them on the class path builds, gets an OAuth2
 * token, retries and calls.
 */
class ClientWithoutOptionalDependenciesTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    void aClientWithoutResilience4jAndMicrometerBuildsAuthenticatesRetriesAndCalls() throws Exception {
        server.stubFor(post("/api/auth/oauth/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"probe-token\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        server.stubFor(get("/_info").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get("/_info").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"version\":\"v2.6.0\"}")));

        try (URLClassLoader loader = new URLClassLoader(classPathWithout("resilience4j", "micrometer"),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.observation.ObservationRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("io.github.resilience4j.circuitbreaker.CircuitBreaker", false,
                    loader)).isInstanceOf(ClassNotFoundException.class);
            Class<?> probe = Class.forName(PlainClientProbe.class.getName(), true, loader);
            assertThat(probe.getClassLoader()).isSameAs(loader);

            Object version = probe.getMethod("serverVersion", String.class).invoke(null, server.baseUrl());

            assertThat(version).isEqualTo("v2.6.0");
        }
        server.verify(1, postRequestedFor(urlEqualTo("/api/auth/oauth/token")));
        server.verify(2, getRequestedFor(urlEqualTo("/_info"))
                .withHeader("Authorization", equalTo("Bearer probe-token")));
    }

    private static URL[] classPathWithout(String... excluded) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> Arrays.stream(excluded).noneMatch(entry::contains))
                .map(ClientWithoutOptionalDependenciesTest::url)
                .toArray(URL[]::new);
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        }
        catch (MalformedURLException ex) {
            throw new IllegalStateException(entry, ex);
        }
    }
}
