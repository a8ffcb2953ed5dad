package io.github.formancecommunity.orchestration.test.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * Runs scenario classes that use {@link EmbeddedOrchestration} through the JUnit launcher, then checks both their
 * outcome and what the extension left behind.
 */
class EmbeddedOrchestrationExtensionTest {

    /** Every server a scenario saw, to check after the run that the extension stopped them. */
    static final Set<EmbeddedOrchestrationServer> SEEN = ConcurrentHashMap.newKeySet();

    @Test
    void injectsAReadyAuthenticatedClientAndResetsBetweenTests() {
        TestExecutionSummary summary = run(AuthenticatedScenario.class);

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(4);
        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(SEEN).hasSize(1).allSatisfy(server -> assertThat(server.isRunning()).isFalse());
    }

    @Test
    void honoursMetaAnnotationsEmptyPrefixAndKeepingStateBetweenTests() {
        TestExecutionSummary summary = run(MetaAnnotatedScenario.class);

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(SEEN).hasSize(1).allSatisfy(server -> assertThat(server.isRunning()).isFalse());
    }

    private static TestExecutionSummary run(Class<?> scenario) {
        SEEN.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(scenario)).build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
                .collect(Collectors.joining("\n"));
    }

    @EmbeddedOrchestration(auth = true, clientId = "scenario", clientSecret = "scenario-secret")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class AuthenticatedScenario {

        private final EmbeddedOrchestrationServer server;

        AuthenticatedScenario(EmbeddedOrchestrationServer server) {
            this.server = server;
            SEEN.add(server);
        }

        @Test
        @Order(1)
        void injectsTheServerAndAClientThatAuthenticates(OrchestrationV1 orchestration,
                EmbeddedOrchestrationServer sameServer, OrchestrationV1Client sameClient) {
            assertThat(sameServer).isSameAs(server);
            assertThat(sameClient).isSameAs(orchestration);
            assertThat(server.isAuthEnabled()).isTrue();
            assertThat(server.defaultClient()).hasValueSatisfying(
                    client -> assertThat(client.clientId()).isEqualTo("scenario"));
            orchestration.createWorkflow(WorkflowConfig.of("first", WorkflowStage.waitEvent("go")));
            assertThat(server.workflows()).hasSize(1);
        }

        @Test
        @Order(2)
        void startsEachTestFromAnEmptyServer(OrchestrationV1 orchestration) {
            assertThat(server.exchanges()).isEmpty();
            assertThat(orchestration.listWorkflows()).isEmpty();
        }

        @Nested
        class NestedTests {

            @Test
            void sharesTheEnclosingServer(EmbeddedOrchestrationServer nestedServer, OrchestrationV1 orchestration) {
                assertThat(nestedServer).isSameAs(server);
                assertThat(orchestration.listWorkflows()).isEmpty();
            }

            @Test
            void resetsBeforeNestedTestsToo() {
                assertThat(server.workflows()).isEmpty();
                server.seedWorkflow(WorkflowConfig.of("nested", WorkflowStage.waitEvent("go")));
            }
        }
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @EmbeddedOrchestration(pathPrefix = "", resetBetweenTests = false)
    @interface DirectServiceTest {
    }

    @DirectServiceTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class MetaAnnotatedScenario {

        @Test
        @Order(1)
        void servesAtTheRootWithoutAuth(EmbeddedOrchestrationServer server, OrchestrationV1 orchestration) {
            SEEN.add(server);
            assertThat(server.pathPrefix()).isEmpty();
            assertThat(server.isAuthEnabled()).isFalse();
            orchestration.createWorkflow(WorkflowConfig.of("kept", WorkflowStage.waitEvent("go")));
        }

        @Test
        @Order(2)
        void keepsStateWhenResetIsOff(OrchestrationV1 orchestration) {
            assertThat(orchestration.listWorkflows()).hasSize(1);
        }
    }
}
