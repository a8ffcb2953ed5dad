package io.github.formancecommunity.orchestration.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * Runs an {@link EmbeddedOrchestrationServer} for the annotated test class (one server per class, shared by its
 * {@code @Nested} classes), and injects it and a ready {@code OrchestrationV1} client into constructors, test
 * methods and lifecycle methods.
 *
 * <pre>{@code
 * @EmbeddedOrchestration
 * class PaymentFlowTest {
 *
 *     @Test
 *     void runsTheWorkflow(OrchestrationV1 orchestration, EmbeddedOrchestrationServer server) {
 *         Workflow workflow = orchestration.createWorkflow(WorkflowConfig.of("demo", WorkflowStage.waitEvent("go")));
 *         WorkflowInstance instance = orchestration.runWorkflow(workflow.id());
 *         orchestration.sendEvent(instance.id(), "go");
 *         assertThat(server.awaitTermination(instance.id(), Duration.ofSeconds(5)).error()).isNull();
 *     }
 * }
 * }</pre>
 *
 * Injectable parameter types: {@link EmbeddedOrchestrationServer}, {@code OrchestrationV1} and
 * {@code OrchestrationV1Client} (the same client for the whole class; it is closed with the server). Unless
 * {@link #resetBetweenTests()} is {@code false}, the server is {@link EmbeddedOrchestrationServer#reset() reset}
 * before each test, ahead of the test's own {@code @BeforeEach} methods. Can be used as a meta-annotation.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedOrchestrationExtension.class)
public @interface EmbeddedOrchestration {

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

    /** The longest a {@code delay} stage waits, ISO-8601 ({@code PT0S} skips delays); empty for no limit. */
    String maxDelay() default "";

    /** Whether the server forgets its data, faults and exchanges before each test. */
    boolean resetBetweenTests() default true;
}
