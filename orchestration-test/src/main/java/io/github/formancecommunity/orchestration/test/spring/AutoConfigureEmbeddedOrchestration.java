package io.github.formancecommunity.orchestration.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * Starts an {@link EmbeddedOrchestrationServer} for a Spring test context and points
 * {@code formance.orchestration.*} at it.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureEmbeddedOrchestration
 * class CheckoutServiceTest {
 *
 *     @Autowired OrchestrationV1 orchestration;              // from the starter, pointed at the embedded server
 *     @Autowired EmbeddedOrchestrationServer server;         // to seed data, inject faults, inspect requests
 * }
 * }</pre>
 *
 * The server starts when the context is created and stops when it is closed; contexts with the same settings are
 * cached and share their server like any cached context, so call {@link EmbeddedOrchestrationServer#reset()} in
 * {@code @BeforeEach} when tests must not see each other's data. The properties below are added with the highest
 * precedence:
 * <ul>
 *   <li>{@code formance.orchestration.base-url}: the server's {@code http://127.0.0.1:<port>};</li>
 *   <li>{@code formance.orchestration.path-prefix}: {@link #pathPrefix()};</li>
 *   <li>with {@link #auth()}: {@code formance.orchestration.auth.client-id}, {@code .client-secret} and
 *       {@code .token-url} (the server's own token endpoint);</li>
 *   <li>with {@link #https()}: the SSL bundle {@code spring.ssl.bundle.pem.embedded-orchestration.*} (the test
 *       authority's certificate as trust material and, with {@link #clientCertificate()}, the client's key material)
 *       and {@code formance.orchestration.ssl.bundle=embedded-orchestration}.</li>
 * </ul>
 * The server is registered as a bean named {@code embeddedOrchestrationServer}. The support is picked up through
 * {@code META-INF/spring.factories}, with any Spring TestContext test ({@code @SpringBootTest},
 * {@code @SpringJUnitConfig}, ...).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureEmbeddedOrchestration {

    /** The path prefix of the V1 routes; {@code ""} serves them at the root like the service itself. */
    String pathPrefix() default EmbeddedOrchestrationServer.DEFAULT_PATH_PREFIX;

    /** Whether V1 routes other than {@code _info} require an OAuth2 token of the client below. */
    boolean auth() default false;

    /** The OAuth2 client id, used when {@link #auth()} is on. */
    String clientId() default "test-client";

    /** The OAuth2 client secret, used when {@link #auth()} is on. */
    String clientSecret() default "test-secret";

    /** The lifetime of issued tokens, ISO-8601 ({@code PT1H}). */
    String tokenTtl() default "PT1H";

    /**
     * Whether the server serves HTTPS with a certificate from a test authority generated for the context
     * ({@code EmbeddedTls}); the client trusts it through the SSL bundle {@code embedded-orchestration}.
     */
    boolean https() default false;

    /** With {@link #https()}: whether the server requires a client certificate (mutual TLS), which the bundle holds. */
    boolean clientCertificate() default false;

    /** The longest a {@code delay} stage waits, ISO-8601 ({@code PT0S} skips delays); empty for no limit. */
    String maxDelay() default "";
}
