package io.github.formancecommunity.orchestration.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.github.formancecommunity.orchestration.client.fixtures.OperationScenario;
import io.github.formancecommunity.orchestration.client.fixtures.OperationScenarios;
import io.github.formancecommunity.orchestration.client.fixtures.TestClients;
import io.github.formancecommunity.orchestration.client.model.ServerInfo;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * A client built with {@code lazy(true)}: settings checked at once, the mapper, pool and Feign target built on
 * the first call or {@code warmUp()}, once, whatever the concurrency; {@code warmUp()} also preparing the JSON
 * mapper; closing before, during or after.
 */
class LazyClientTest {

    @RegisterExtension
    static WireMockExtension server = TestClients.wireMock();

    private static final OperationScenario<List<Workflow>> LIST_WORKFLOWS = OperationScenarios.listWorkflows();

    @Test
    void aLazyClientBuildsOnItsFirstCall() throws IOException {
        server.stubFor(LIST_WORKFLOWS.stub());
        AtomicInteger builds = new AtomicInteger();

        try (OrchestrationV1Client client = TestClients.builder(server).lazy(true)
                .feignCustomizer(feign -> builds.incrementAndGet()).build()) {
            assertThat(client.isWarm()).isFalse();
            assertThat(builds).hasValue(0);

            LIST_WORKFLOWS.assertResult(client.listWorkflows());
            LIST_WORKFLOWS.assertResult(client.listWorkflows());

            assertThat(client.isWarm()).isTrue();
            assertThat(builds).hasValue(1);
        }
    }

    @Test
    void anEagerClientIsBuiltByBuild() throws IOException {
        AtomicInteger builds = new AtomicInteger();

        try (OrchestrationV1Client client = TestClients.builder(server)
                .feignCustomizer(feign -> builds.incrementAndGet()).build()) {
            assertThat(client.isWarm()).isTrue();
            assertThat(builds).hasValue(1);
        }
    }

    @Test
    void warmUpBuildsWithoutSendingAnything() throws IOException {
        AtomicInteger builds = new AtomicInteger();

        try (OrchestrationV1Client client = TestClients.builder(server).lazy(true)
                .feignCustomizer(feign -> builds.incrementAndGet()).build()) {
            client.warmUp();
            client.warmUp();

            assertThat(client.isWarm()).isTrue();
            assertThat(builds).hasValue(1);
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void warmUpPreparesTheDeserializerOfEveryResponseRecord() throws IOException {
        Set<Class<?>> prepared = ConcurrentHashMap.newKeySet();
        SimpleModule recorder = new SimpleModule().setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                prepared.add(description.getBeanClass());
                return deserializer;
            }
        });
        JsonMapper mapper = OrchestrationJson.newMapper().rebuild().addModule(recorder).build();

        try (OrchestrationV1Client client = TestClients.builder(server).jsonMapper(mapper).lazy(true).build()) {
            client.warmUp();
        }

        assertThat(prepared).contains(ServerInfo.class, Trigger.class, TriggerOccurrence.class, Workflow.class,
                WorkflowInstance.class, WorkflowInstanceHistory.class, WorkflowInstanceHistoryStage.class);
    }

    @Test
    void warmUpLetsEveryInterceptorPrepareItself() throws IOException {
        AtomicInteger prepared = new AtomicInteger();
        OrchestrationCallInterceptor interceptor = new OrchestrationCallInterceptor() {
            @Override
            public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
                return call.execute();
            }

            @Override
            public void warmUp() {
                prepared.incrementAndGet();
            }
        };

        try (OrchestrationV1Client client = TestClients.builder(server).lazy(true).interceptor(interceptor)
                .interceptor(interceptor).build()) {
            assertThat(prepared).hasValue(0);
            client.warmUp();
            assertThat(prepared).hasValue(2);

            client.close();
            client.warmUp();
            assertThat(prepared).as("a closed client prepares nothing").hasValue(2);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void concurrentFirstCallsBuildOnce(boolean warmUpToo) throws Exception {
        server.stubFor(LIST_WORKFLOWS.stub());
        AtomicInteger builds = new AtomicInteger();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (OrchestrationV1Client client = TestClients.builder(server).lazy(true)
                .feignCustomizer(feign -> builds.incrementAndGet()).build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                boolean warmUp = warmUpToo && i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    if (warmUp) {
                        client.warmUp();
                        return null;
                    }
                    return client.listWorkflows();
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }

            assertThat(builds).hasValue(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void settingsAreCheckedByBuildEvenWhenLazy() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().lazy(true).baseUrl("ftp://example.com").build())
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrchestrationV1Client.builder().lazy(true).maxConnections(0).build())
                .withMessageContaining("maxConnections");
    }

    @Test
    void laterChangesToTheBuilderDoNotReachALazyClient() throws IOException {
        server.stubFor(LIST_WORKFLOWS.stub());
        AtomicInteger laterCustomizer = new AtomicInteger();
        OrchestrationClientBuilder builder = TestClients.builder(server).lazy(true);

        try (OrchestrationV1Client client = builder.build()) {
            builder.baseUrl("http://127.0.0.1:9").pathPrefix("/elsewhere")
                    .feignCustomizer(feign -> laterCustomizer.incrementAndGet());

            assertThat(client.listWorkflows()).hasSize(2);
        }
        assertThat(laterCustomizer).hasValue(0);
    }

    @Test
    void aFailingCustomizerFailsTheFirstCallOutsideTheInterceptorsAndIsTriedAgain() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        List<OrchestrationOperation> intercepted = new ArrayList<>();
        try (OrchestrationV1Client client = TestClients.builder(server).lazy(true)
                .interceptor(new OrchestrationCallInterceptor() {
                    @Override
                    public <T> T intercept(OrchestrationOperation operation, OrchestrationCall<T> call) {
                        intercepted.add(operation);
                        return call.execute();
                    }
                })
                .feignCustomizer(feign -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("customizer broken");
                })
                .build()) {
            assertThat(catchThrowable(client::listWorkflows)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("customizer broken");
            assertThat(catchThrowable(client::listWorkflows)).hasMessage("customizer broken");

            assertThat(attempts).hasValue(2);
            assertThat(intercepted).isEmpty();
            assertThat(client.isWarm()).isFalse();
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anEagerClientWithAFailingCustomizerFailsInBuild() {
        assertThat(catchThrowable(() -> TestClients.builder(server).feignCustomizer(feign -> {
            throw new IllegalStateException("customizer broken");
        }).build())).isInstanceOf(IllegalStateException.class).hasMessage("customizer broken");
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aClosedClientRefusesCalls(boolean lazy) throws IOException {
        server.stubFor(LIST_WORKFLOWS.stub());
        OrchestrationV1Client client = TestClients.builder(server).lazy(lazy).build();
        client.listWorkflows();

        client.close();

        assertThatIllegalStateException().isThrownBy(client::listWorkflows)
                .withMessageContaining("OrchestrationV1Client[url=").withMessageEndingWith("is closed")
                .withMessageNotContaining(TestClients.TOKEN);
        assertThat(client.isWarm()).isFalse();
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aLazyClientClosedBeforeItsFirstCallNeverBuilds() throws IOException {
        AtomicInteger builds = new AtomicInteger();
        OrchestrationV1Client client = TestClients.builder(server).lazy(true)
                .feignCustomizer(feign -> builds.incrementAndGet()).build();

        client.close();
        client.warmUp();

        assertThatIllegalStateException().isThrownBy(() -> client.getWorkflow("wf-1"))
                .withMessageEndingWith("is closed");
        assertThat(builds).hasValue(0);
        assertThat(client.isWarm()).isFalse();
    }

    @Test
    void closeDoesNotWaitForARunningWarmUpWhichReleasesWhatItBuilt() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OrchestrationV1Client client = TestClients.builder(server).lazy(true).feignCustomizer(feign -> {
            building.countDown();
            try {
                release.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }).build();
        Thread warmUp = new Thread(client::warmUp, "test-warm-up");
        warmUp.start();
        assertThat(building.await(30, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofMinutes(1), client::close);

        assertThat(warmUp.isAlive()).as("the warm-up is still blocked after close() returned").isTrue();
        release.countDown();
        warmUp.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(warmUp.isAlive()).isFalse();
        assertThat(client.isWarm()).as("what the warm-up built is released").isFalse();
        assertThatIllegalStateException().isThrownBy(() -> client.getWorkflow("wf-1"))
                .withMessageEndingWith("is closed");
        server.verify(0, anyRequestedFor(anyUrl()));
    }
}
