package io.github.formancecommunity.orchestration.benchmarks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.model.StageStatus;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowStage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canned, spec-shaped bodies the benchmark server answers, built once from the model records so that every
 * client decodes exactly the same bytes. The shapes follow what the V1 server emits (SERVER-BEHAVIOUR §2): a
 * {@code [send, wait_event, delay]} workflow, instances that embed their workflow, RFC 3339 timestamps with
 * nanoseconds. Unlike the real {@code listInstances}, every listed instance also carries its three
 * {@code status} entries, which makes the large body the worst case for decoding.
 */
final class CannedPayloads {

    /** The number of instances {@code GET /instances} returns. */
    static final int INSTANCE_COUNT = 500;

    /** The id of the workflow the benchmarks read and run. */
    static final String WORKFLOW_ID = "3f1c2a1e-5b6d-4c7e-8f90-0a1b2c3d4e5f";

    /** The variables {@code runWorkflow} sends. */
    static final Map<String, String> RUN_VARIABLES = Map.of("amount", "100", "destination", "users:001");

    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2026, 4, 28, 10, 0, 0, 0, ZoneOffset.UTC);

    private static final String STAGES = """
            [{"send":{"source":{"account":{"id":"world","ledger":"default"}},
                      "destination":{"account":{"id":"users:001","ledger":"default"}},
                      "amount":{"amount":100,"asset":"EUR/2"}}},
             {"wait_event":{"event":"processed"}},
             {"delay":{"duration":"5s"}}]""";

    private final Workflow workflow;
    private final List<WorkflowInstance> instances;
    private final WorkflowInstance started;
    private final byte[] workflowBody;
    private final byte[] instancesBody;
    private final byte[] startedBody;

    private CannedPayloads(JsonMapper mapper) {
        this.workflow = workflow(mapper);
        this.instances = instances(workflow);
        OffsetDateTime now = EPOCH.plusHours(1).plusNanos(123_456_789);
        this.started = new WorkflowInstance(WORKFLOW_ID, null, uuid(0xfeedL, 1), now, now, false, null, List.of(),
                null);
        this.workflowBody = mapper.writeValueAsBytes(new Envelope(workflow));
        this.instancesBody = mapper.writeValueAsBytes(new Envelope(instances));
        this.startedBody = mapper.writeValueAsBytes(new Envelope(started));
    }

    /**
     * Builds the payloads with the wire mapper's settings, minus "is" getters: the records' derived
     * {@code isDeleted()}, {@code isFailed()} and {@code isTerminated()} are not wire fields.
     */
    static CannedPayloads create() {
        JsonMapper mapper = OrchestrationJson.newMapper().rebuild()
                .changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(Visibility.NONE))
                .build();
        return new CannedPayloads(mapper);
    }

    /** The workflow {@code GET /workflows/{id}} returns. */
    Workflow workflow() {
        return workflow;
    }

    /** The instances {@code GET /instances} returns. */
    List<WorkflowInstance> instances() {
        return instances;
    }

    /** The instance {@code POST /workflows/{id}/instances} returns (no status, no embedded workflow). */
    WorkflowInstance started() {
        return started;
    }

    /** {@code {"data": Workflow}}. */
    byte[] workflowBody() {
        return workflowBody.clone();
    }

    /** {@code {"data": [WorkflowInstance x 500]}}. */
    byte[] instancesBody() {
        return instancesBody.clone();
    }

    /** {@code {"data": WorkflowInstance}} of a run just started. */
    byte[] startedBody() {
        return startedBody.clone();
    }

    private static Workflow workflow(JsonMapper mapper) {
        List<WorkflowStage> stages = new ArrayList<>();
        mapper.readTree(STAGES).forEach(node -> {
            String type = node.propertyNames().iterator().next();
            stages.add(WorkflowStage.of(type, node.get(type)));
        });
        return new Workflow(WORKFLOW_ID, new WorkflowConfig("demo", stages), EPOCH.plusNanos(123_456_000),
                EPOCH.plusNanos(123_456_000), null);
    }

    private static List<WorkflowInstance> instances(Workflow workflow) {
        List<WorkflowInstance> list = new ArrayList<>(INSTANCE_COUNT);
        for (int i = 0; i < INSTANCE_COUNT; i++) {
            String id = uuid(0xabcdL, i);
            OffsetDateTime created = EPOCH.plusMinutes(i).plusNanos(1_000L * (i % 1000));
            List<StageStatus> status = new ArrayList<>(3);
            for (int stage = 0; stage < 3; stage++) {
                OffsetDateTime started = created.plusSeconds(stage * 10L);
                status.add(new StageStatus(BigDecimal.valueOf(stage), id, uuid(0x5eedL, i),
                        started, started.plusSeconds(5), null));
            }
            list.add(new WorkflowInstance(workflow.id(), workflow, id, created, created, true,
                    created.plusSeconds(35), status, null));
        }
        return List.copyOf(list);
    }

    private static String uuid(long high, long low) {
        return new UUID(high << 32 | 0x4000L, 0x8000_0000_0000_0000L | low).toString();
    }

    /** The {@code {"data": ...}} envelope of the V1 success bodies. */
    private record Envelope(Object data) {
    }
}
