package io.github.formancecommunity.orchestration.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import feign.Request;
import io.github.formancecommunity.orchestration.client.model.InstanceQuery;
import io.github.formancecommunity.orchestration.client.model.ServerInfo;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistory;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstanceHistoryStage;

/**
 * The {@link OrchestrationV1} implementation over the Feign wire interface. Build one with {@link #builder()};
 * close it to release its connection pool.
 *
 * <p>A client built {@linkplain OrchestrationClientBuilder#lazy(boolean) lazily} creates its JSON mapper,
 * connection pool and Feign target on its first call or on {@link #warmUp()}, whichever comes first.
 *
 * <p>Each call validates its arguments, runs the {@link OrchestrationCallInterceptor}s on the caller's thread,
 * sends the request, unwraps the {@code data} envelope and turns every Feign or I/O failure into an
 * {@link OrchestrationException}. A 401 with a refreshable token source is retried once with a new token.
 */
public final class OrchestrationV1Client implements OrchestrationV1, Closeable {


    private final Wire wire;
    private final OrchestrationCallInterceptor[] interceptors;
    private final @Nullable BearerTokenSource tokenSource;
    private final Request.Options runWaitOptions;
    private final String description;
    private final List<AutoCloseable> owned;
    private final Deadlines deadlines;

    OrchestrationV1Client(Wire wire, List<OrchestrationCallInterceptor> interceptors,
            @Nullable BearerTokenSource tokenSource, Request.Options runWaitOptions, String description,
            List<AutoCloseable> owned, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.wire = wire;
        this.interceptors = interceptors.toArray(new OrchestrationCallInterceptor[0]);
        this.tokenSource = tokenSource;
        this.runWaitOptions = runWaitOptions;
        this.description = description;
        this.owned = List.copyOf(owned);
    }

    /** A builder for a client without Spring Boot. */
    public static OrchestrationClientBuilder builder() {
        return new OrchestrationClientBuilder();
    }

    @Override
    public ServerInfo getServerInfo() {
        return call(OrchestrationOperation.GET_SERVER_INFO, "", OrchestrationV1Api::orchestrationgetServerInfo);
    }

    @Override
    public List<Trigger> listTriggers(String name) {
        String filter = Arguments.queryValue(name);
        return data(OrchestrationOperation.LIST_TRIGGERS, "", api -> api.listTriggers(filter));
    }

    @Override
    public Trigger createTrigger(TriggerData trigger) {
        OrchestrationOperation op = OrchestrationOperation.CREATE_TRIGGER;
        Arguments.requireBody(trigger, "trigger", op);
        return data(op, "", api -> api.createTrigger(trigger));
    }

    @Override
    public Trigger readTrigger(String triggerId) {
        OrchestrationOperation op = OrchestrationOperation.READ_TRIGGER;
        String triggerIdSegment = Arguments.requirePathId(triggerId, "triggerId", op);
        return data(op, Ids.of("triggerID", triggerId), api -> api.readTrigger(triggerIdSegment));
    }

    @Override
    public void deleteTrigger(String triggerId) {
        OrchestrationOperation op = OrchestrationOperation.DELETE_TRIGGER;
        String triggerIdSegment = Arguments.requirePathId(triggerId, "triggerId", op);
        call(op, Ids.of("triggerID", triggerId), api -> {
            api.deleteTrigger(triggerIdSegment);
            return null;
        });
    }

    @Override
    public List<TriggerOccurrence> listTriggersOccurrences(String triggerId) {
        OrchestrationOperation op = OrchestrationOperation.LIST_TRIGGERS_OCCURRENCES;
        String triggerIdSegment = Arguments.requirePathId(triggerId, "triggerId", op);
        return data(op, Ids.of("triggerID", triggerId), api -> api.listTriggersOccurrences(triggerIdSegment));
    }

    @Override
    public List<Workflow> listWorkflows() {
        return data(OrchestrationOperation.LIST_WORKFLOWS, "", OrchestrationV1Api::listWorkflows);
    }

    @Override
    public Workflow createWorkflow(WorkflowConfig config) {
        OrchestrationOperation op = OrchestrationOperation.CREATE_WORKFLOW;
        Arguments.requireBody(config, "config", op);
        return data(op, "", api -> api.createWorkflow(config));
    }

    @Override
    public Workflow getWorkflow(String workflowId) {
        OrchestrationOperation op = OrchestrationOperation.GET_WORKFLOW;
        String workflowIdSegment = Arguments.requirePathId(workflowId, "workflowId", op);
        return data(op, Ids.of("workflowID", workflowId), api -> api.getWorkflow(workflowIdSegment));
    }

    @Override
    public void deleteWorkflow(String workflowId) {
        OrchestrationOperation op = OrchestrationOperation.DELETE_WORKFLOW;
        String workflowIdSegment = Arguments.requirePathId(workflowId, "workflowId", op);
        call(op, Ids.of("workflowID", workflowId), api -> {
            api.deleteWorkflow(workflowIdSegment);
            return null;
        });
    }

    @Override
    public WorkflowInstance runWorkflow(String workflowId, Map<String, String> variables, boolean wait) {
        OrchestrationOperation op = OrchestrationOperation.RUN_WORKFLOW;
        String workflowIdSegment = Arguments.requirePathId(workflowId, "workflowId", op);
        Map<String, String> body = Arguments.requireVariables(variables, op);
        if (wait) {
            return data(op, Ids.of("workflowID", workflowId),
                    api -> api.runWorkflowAndWait(workflowIdSegment, body, runWaitOptions), true);
        }
        return data(op, Ids.of("workflowID", workflowId), api -> api.runWorkflow(workflowIdSegment, body));
    }

    @Override
    public List<WorkflowInstance> listInstances(InstanceQuery query) {
        InstanceQuery filter = query == null ? InstanceQuery.all() : query;
        return data(OrchestrationOperation.LIST_INSTANCES, Ids.of("workflowID", filter.workflowId()),
                api -> api.listInstances(Arguments.queryValue(filter.workflowId()), filter.running()));
    }

    @Override
    public WorkflowInstance getInstance(String instanceId) {
        OrchestrationOperation op = OrchestrationOperation.GET_INSTANCE;
        String instanceIdSegment = Arguments.requirePathId(instanceId, "instanceId", op);
        return data(op, Ids.of("instanceID", instanceId), api -> api.getInstance(instanceIdSegment));
    }

    @Override
    public void sendEvent(String instanceId, String eventName) {
        OrchestrationOperation op = OrchestrationOperation.SEND_EVENT;
        String instanceIdSegment = Arguments.requirePathId(instanceId, "instanceId", op);
        Arguments.requireId(eventName, "eventName", op);
        OrchestrationV1Api.EventBody body = new OrchestrationV1Api.EventBody(eventName);
        call(op, Ids.of("instanceID", instanceId), api -> {
            api.sendEvent(instanceIdSegment, body);
            return null;
        });
    }

    @Override
    public void cancelEvent(String instanceId) {
        OrchestrationOperation op = OrchestrationOperation.CANCEL_EVENT;
        String instanceIdSegment = Arguments.requirePathId(instanceId, "instanceId", op);
        call(op, Ids.of("instanceID", instanceId), api -> {
            api.cancelEvent(instanceIdSegment);
            return null;
        });
    }

    @Override
    public List<WorkflowInstanceHistory> getInstanceHistory(String instanceId) {
        OrchestrationOperation op = OrchestrationOperation.GET_INSTANCE_HISTORY;
        String instanceIdSegment = Arguments.requirePathId(instanceId, "instanceId", op);
        return data(op, Ids.of("instanceID", instanceId), api -> api.getInstanceHistory(instanceIdSegment));
    }

    @Override
    public List<WorkflowInstanceHistoryStage> getInstanceStageHistory(String instanceId, int stageNumber) {
        OrchestrationOperation op = OrchestrationOperation.GET_INSTANCE_STAGE_HISTORY;
        String instanceIdSegment = Arguments.requirePathId(instanceId, "instanceId", op);
        if (stageNumber < 0) {
            throw new IllegalArgumentException(op.operationId() + ": stageNumber must be >= 0, got " + stageNumber);
        }
        return data(op, Ids.of("instanceID", instanceId) + ", stage=" + stageNumber,
                api -> api.getInstanceStageHistory(instanceIdSegment, stageNumber));
    }

    /**
     * Builds now what a {@linkplain OrchestrationClientBuilder#lazy(boolean) lazy} client leaves to its first call
     * (the JSON mapper, the connection pool and the Feign target), and has the mapper prepare the serializers and
     * deserializers of every operation, which each operation's first call would otherwise build; then lets every
     * interceptor {@linkplain OrchestrationCallInterceptor#warmUp() prepare} itself. Makes no network call; quick
     * when that is done already, nothing once the client is closed. Safe to call from any thread, concurrently with
     * calls.
     */
    public void warmUp() {
        if (!wire.prepare()) {
            return; // closed: the interceptors' beans may be gone with their context
        }
        for (OrchestrationCallInterceptor interceptor : interceptors) {
            interceptor.warmUp();
        }
    }

    /** Whether the JSON mapper, the connection pool and the Feign target are built (always, unless lazy). */
    public boolean isWarm() {
        return wire.isBuilt();
    }

    /**
     * Releases the connection pool and the token source this client created (an HTTP client or token source passed
     * to the builder is left open). Never waits for a {@linkplain #warmUp() warm-up} that is running: what it builds
     * is released when it ends. Calls made afterwards fail with an {@link IllegalStateException}.
     */
    @Override
    public void close() throws IOException {
        wire.close();
        IOException failure = null;
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            }
            catch (Exception ex) {
                if (failure == null) {
                    failure = new IOException("Could not close " + resource, ex);
                }
                else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private <T> T data(OrchestrationOperation operation, String ids, WireFailures.Call<DataEnvelope<T>> call) {
        return data(operation, ids, call, false);
    }

    private <T> T data(OrchestrationOperation operation, String ids, WireFailures.Call<DataEnvelope<T>> call,
            boolean runWait) {
        return call(operation, ids, call, runWait, OrchestrationV1Client::unwrap);
    }

    private <T> T call(OrchestrationOperation operation, String ids, WireFailures.Call<T> call) {
        return call(operation, ids, call, false, (op, result) -> result);
    }

    /**
     * Sends the call and reads its result; a failure of either names the call's ids and the attempts made (see
     * {@link OrchestrationException#attempts()}).
     */
    private <R, T> T call(OrchestrationOperation operation, String ids, WireFailures.Call<R> call, boolean runWait,
            BiFunction<OrchestrationOperation, R, T> result) {
        Attempts attempts = new Attempts();
        try {
            return result.apply(operation, send(operation, attempts, call, runWait));
        }
        catch (OrchestrationException ex) {
            throw attempts.describe(ex, ids);
        }
    }

    private static <T> T unwrap(OrchestrationOperation operation, DataEnvelope<T> envelope) {
        int status = operation.successStatus();
        if (envelope == null || envelope.data() == null) {
            throw new OrchestrationResponseException(operation, status,
                    operation.operationId() + ": HTTP " + status + " with no \"data\" field", null);
        }
        T data = envelope.data();
        if (data instanceof List<?> list) {
            int hole = list.indexOf(null);
            if (hole >= 0) {
                throw new OrchestrationResponseException(operation, status,
                        operation.operationId() + ": HTTP " + status + " with a null element at data[" + hole + "]",
                        null);
            }
            @SuppressWarnings("unchecked")
            T immutable = (T) List.copyOf(list);
            return immutable;
        }
        return data;
    }

    /** The connection pool's totals, {@code null} with an HTTP client given to the builder. */
    org.apache.hc.core5.pool.@Nullable PoolStats poolStats() {
        return wire.resources() instanceof ApacheHttpClient5Transport transport ? transport.poolStats() : null;
    }

    private <T> T send(OrchestrationOperation operation, Attempts attempts, WireFailures.Call<T> call, boolean runWait) {
        // Resolved before the interceptors: a lazy client's first call builds the wire here, outside the timer
        // and the circuit breaker, and a closed client fails here.
        OrchestrationV1Api api = wire.api();
        // the call's deadline covers every interceptor: retries and their back-offs included
        try (CallDeadline.Scope deadline = runWait
                ? CallDeadline.start(deadlines.runWaitCall(), deadlines.runWaitAttempt())
                : CallDeadline.start(deadlines.call(), deadlines.attempt())) {
            if (interceptors.length == 0) {
                return attempts.run(() -> sendWithAuthRetry(operation, api, call));
            }
            return new Link<>(new CallHeaders(), attempts, 0, operation, api, call).execute();
        }
    }

    /**
     * The call as the interceptor at {@code index} sees it; past the last interceptor, the request itself. The
     * links of one call share the headers the interceptors ask for.
     */
    private final class Link<T> implements OrchestrationCall<T> {

        private final CallHeaders headers;
        private final Attempts attempts;
        private final int index;
        private final OrchestrationOperation operation;
        private final OrchestrationV1Api api;
        private final WireFailures.Call<T> call;

        Link(CallHeaders headers, Attempts attempts, int index, OrchestrationOperation operation,
                OrchestrationV1Api api, WireFailures.Call<T> call) {
            this.headers = headers;
            this.attempts = attempts;
            this.index = index;
            this.operation = operation;
            this.api = api;
            this.call = call;
        }

        @Override
        public T execute() {
            if (index == interceptors.length) {
                return attempts.run(() -> headers.around(() -> sendWithAuthRetry(operation, api, call)));
            }
            return interceptors[index].intercept(operation,
                    new Link<>(headers, attempts, index + 1, operation, api, call));
        }

        @Override
        public void header(String name, String value) {
            headers.put(name, value);
        }
    }

    private <T> T sendWithAuthRetry(OrchestrationOperation operation, OrchestrationV1Api api, WireFailures.Call<T> call) {
        try {
            return WireFailures.send(operation, api, call);
        }
        catch (OrchestrationApiException ex) {
            BearerTokenSource tokens = tokenSource;
            if (ex.status() == 401 && tokens != null && tokens.isRefreshable()) {
                return WireFailures.send(operation, api, call);
            }
            throw ex;
        }
    }

}
