package io.github.formancecommunity.orchestration.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpServer;

import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.client.model.Trigger;
import io.github.formancecommunity.orchestration.client.model.TriggerData;
import io.github.formancecommunity.orchestration.client.model.TriggerOccurrence;
import io.github.formancecommunity.orchestration.client.model.Workflow;
import io.github.formancecommunity.orchestration.client.model.WorkflowConfig;
import io.github.formancecommunity.orchestration.client.model.WorkflowInstance;
import io.github.formancecommunity.orchestration.test.tls.EmbeddedTls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory Formance Orchestration V1 server on loopback, for tests and demos without a Formance Stack.
 *
 * <p>It serves the 17 V1 operations over real HTTP ({@code http://127.0.0.1:<port><pathPrefix>}) with the real
 * server's envelopes, status codes and error bodies, runs instances ({@code send}, {@code delay},
 * {@code wait_event}, {@code update} stages), fires triggers on {@link #emitEvent emitted events}, and can
 * require OAuth2 client-credentials tokens from its own token endpoint ({@code /api/auth/oauth/token}). Tests can
 * seed data, inject failures ({@link #inject(Fault)}) and inspect every request received ({@link #exchanges()}).
 *
 * <pre>{@code
 * try (EmbeddedOrchestrationServer server = EmbeddedOrchestrationServer.builder()
 *         .client("my-app", "my-secret")
 *         .start();
 *      OrchestrationV1Client client = server.newClient()) {
 *     Workflow workflow = client.createWorkflow(WorkflowConfig.of("demo", WorkflowStage.waitEvent("go")));
 *     WorkflowInstance instance = client.runWorkflow(workflow.id());
 *     client.sendEvent(instance.id(), "go");
 *     server.awaitTermination(instance.id(), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>The places where it deliberately differs from the real server are listed in the project's
 * {@code docs/testing.md}. The server is thread-safe; {@link #close()} stops it and releases its threads.
 */
public final class EmbeddedOrchestrationServer implements AutoCloseable {

    /** The default path prefix, the one of the Formance Stack gateway. */
    public static final String DEFAULT_PATH_PREFIX = OrchestrationClientBuilder.DEFAULT_PATH_PREFIX;
    /** The path of the OAuth2 token endpoint, relative to {@link #baseUrl()}. */
    public static final String TOKEN_PATH = TokenEndpoint.PATH;
    /** The version {@code _info} reports by default. */
    public static final String DEFAULT_VERSION = "v2.6.0-embedded";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedOrchestrationServer.class);
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes the headers and the body of a response in two segments; without TCP_NODELAY,
        // Nagle's algorithm and the client's delayed ACK add about 40 ms to every exchange. The JDK reads this
        // setting once, when its first com.sun.net.httpserver server starts, and it affects those servers only.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final String pathPrefix;
    private final List<ClientCredentials> clients;
    private final Store store = new Store();
    private final InstanceEngine engine;
    private final TriggerProcessor triggerProcessor;
    private final WorkflowEndpoints workflowEndpoints;
    private final TriggerEndpoints triggerEndpoints;
    private final TokenIssuer tokens;
    private final FaultInjector faults = new FaultInjector();
    private final ExchangeRecorder recorder;
    private final HttpServer httpServer;
    private final ThreadPoolExecutor httpThreads;
    private final String baseUrl;
    private final EmbeddedTls tls;
    private volatile boolean running;

    private EmbeddedOrchestrationServer(Builder builder) {
        this.pathPrefix = builder.pathPrefix;
        this.clients = List.copyOf(builder.clients.values());
        Clock clock = builder.clock;
        Map<String, String> secrets = new LinkedHashMap<>();
        clients.forEach(client -> secrets.put(client.clientId(), client.clientSecret()));
        this.tokens = new TokenIssuer(clock, builder.tokenTtl, secrets);
        this.recorder = new ExchangeRecorder(builder.maxRecordedExchanges);
        this.engine = new InstanceEngine(store, clock, builder.maxDelay);
        this.triggerProcessor = new TriggerProcessor(store, engine, clock);
        this.workflowEndpoints = new WorkflowEndpoints(store, engine, clock, builder.runWaitLimit);
        this.triggerEndpoints = new TriggerEndpoints(store, clock);
        InstanceEndpoints instanceEndpoints = new InstanceEndpoints(store, engine);
        String version = builder.version;
        Router router = new Router()
                .add("GET", "/_healthcheck", request -> HttpReply.json(200,
                        OrchestrationJson.mapper().createObjectNode().put("default", "OK")))
                .add(OrchestrationOperation.GET_SERVER_INFO, "/_info", request -> HttpReply.json(200,
                        OrchestrationJson.mapper().createObjectNode().put("version", version)))
                .add(OrchestrationOperation.LIST_TRIGGERS, "/triggers/", triggerEndpoints::list)
                .add(OrchestrationOperation.CREATE_TRIGGER, "/triggers/", triggerEndpoints::create)
                .add(OrchestrationOperation.READ_TRIGGER, "/triggers/{triggerID}/", triggerEndpoints::read)
                .add(OrchestrationOperation.DELETE_TRIGGER, "/triggers/{triggerID}/", triggerEndpoints::delete)
                .add(OrchestrationOperation.LIST_TRIGGERS_OCCURRENCES, "/triggers/{triggerID}/occurrences",
                        triggerEndpoints::occurrences)
                .add(OrchestrationOperation.LIST_WORKFLOWS, "/workflows/", workflowEndpoints::list)
                .add(OrchestrationOperation.CREATE_WORKFLOW, "/workflows/", workflowEndpoints::create)
                .add(OrchestrationOperation.GET_WORKFLOW, "/workflows/{flowId}/", workflowEndpoints::get)
                .add(OrchestrationOperation.DELETE_WORKFLOW, "/workflows/{flowId}/", workflowEndpoints::delete)
                .add(OrchestrationOperation.RUN_WORKFLOW, "/workflows/{workflowID}/instances/",
                        workflowEndpoints::run)
                .add(OrchestrationOperation.LIST_INSTANCES, "/instances/", instanceEndpoints::list)
                .add(OrchestrationOperation.GET_INSTANCE, "/instances/{instanceID}/", instanceEndpoints::get)
                .add(OrchestrationOperation.SEND_EVENT, "/instances/{instanceID}/events", instanceEndpoints::sendEvent)
                .add(OrchestrationOperation.CANCEL_EVENT, "/instances/{instanceID}/abort", instanceEndpoints::cancel)
                .add(OrchestrationOperation.GET_INSTANCE_HISTORY, "/instances/{instanceID}/history",
                        instanceEndpoints::history)
                .add(OrchestrationOperation.GET_INSTANCE_STAGE_HISTORY,
                        "/instances/{instanceID}/stages/{number}/history", instanceEndpoints::stageHistory);
        HttpDispatcher dispatcher = new HttpDispatcher(pathPrefix, router, new TokenEndpoint(tokens), tokens, faults,
                recorder, clock);

        this.httpThreads = new ThreadPoolExecutor(builder.threads, builder.threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(builder.queueCapacity), NamedThreads.daemon("embedded-orchestration-http"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.httpThreads.allowCoreThreadTimeOut(true);
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            this.httpServer = HttpsListener.create(new InetSocketAddress(loopback, builder.port), 64, builder.tls);
        }
        catch (IOException ex) {
            engine.close();
            httpThreads.shutdownNow();
            throw new UncheckedIOException("cannot bind the embedded Orchestration server to 127.0.0.1:"
                    + builder.port + ": " + ex.getMessage(), ex);
        }
        httpServer.createContext("/", dispatcher);
        httpServer.setExecutor(httpThreads);
        httpServer.start();
        this.tls = builder.tls;
        this.baseUrl = (tls == null ? "http" : "https") + "://127.0.0.1:" + httpServer.getAddress().getPort();
        this.running = true;
        LOG.info("Embedded Orchestration V1 server listening on {}{} (auth: {})", baseUrl, pathPrefix,
                clients.isEmpty() ? "off" : clients.size() + " client(s)");
    }

    /** A builder with the defaults: random port, path prefix {@code /api/orchestration}, no authentication. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a server with the defaults: a random port, {@code /api/orchestration}, no authentication.
     */
    public static EmbeddedOrchestrationServer startDefault() {
        return builder().start();
    }

    // ---------------------------------------------------------------- addresses

    /** The TLS set-up when the server serves HTTPS ({@link Builder#https()}), empty for plain HTTP. */
    public Optional<EmbeddedTls> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * The server's root URL, {@code http://127.0.0.1:<port>} ({@code https} with {@link Builder#https()}): the
     * {@code formance.orchestration.base-url}.
     */
    public String baseUrl() {
        return baseUrl;
    }

    /** The port the server listens on. */
    public int port() {
        return httpServer.getAddress().getPort();
    }

    /** The path prefix of the V1 routes: {@code /api/orchestration} by default, or {@code ""}. */
    public String pathPrefix() {
        return pathPrefix;
    }

    /** The URL the V1 paths are relative to: {@code baseUrl() + pathPrefix()}. */
    public String apiUrl() {
        return baseUrl + pathPrefix;
    }

    /** The absolute URL of a V1 path, e.g. {@code url("/workflows")}. */
    public String url(String v1Path) {
        Objects.requireNonNull(v1Path, "v1Path");
        return apiUrl() + (v1Path.startsWith("/") ? v1Path : "/" + v1Path);
    }

    /** The absolute URL of the OAuth2 token endpoint. */
    public String tokenUrl() {
        return baseUrl + TOKEN_PATH;
    }

    /** Whether V1 routes other than {@code _info} require a bearer token (they do when a client is configured). */
    public boolean isAuthEnabled() {
        return tokens.isEnabled();
    }

    /** The configured OAuth2 clients, in the order they were added. */
    public List<ClientCredentials> clients() {
        return clients;
    }

    /** The first configured client, when authentication is on. */
    public Optional<ClientCredentials> defaultClient() {
        return clients.stream().findFirst();
    }

    /** Whether the server is still running. */
    public boolean isRunning() {
        return running;
    }

    // ---------------------------------------------------------------- clients and tokens

    /**
     * A client builder pointed at this server: base URL and path prefix set, with HTTPS the
     * {@linkplain EmbeddedTls#clientSslContext() matching TLS context}, and, when authentication is on, a token
     * source that takes tokens from this server directly (refreshed when they expire or are revoked).
     */
    public OrchestrationClientBuilder newClientBuilder() {
        OrchestrationClientBuilder builder = OrchestrationV1Client.builder().baseUrl(baseUrl).pathPrefix(pathPrefix);
        if (tls != null) {
            builder.sslContext(tls.clientSslContext());
        }
        if (isAuthEnabled()) {
            builder.tokenSource(new InProcessTokenSource(tokens));
        }
        return builder;
    }

    /** A ready client for this server; close it when done. */
    public OrchestrationV1Client newClient() {
        return newClientBuilder().build();
    }

    /** Issues a valid access token without going through the token endpoint. */
    public String issueToken() {
        return tokens.issue();
    }

    /** Revokes every token issued so far; the next request with one of them gets a 401. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Stores a workflow as {@code createWorkflow} would.
     *
     * @throws IllegalArgumentException when the server would refuse the config, with its message
     */
    public Workflow seedWorkflow(WorkflowConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            WorkflowRecord workflow = workflowEndpoints.create(
                    WorkflowDefinitions.read(OrchestrationJson.mapper().valueToTree(config)));
            return toModel(WireRenderer.workflow(workflow), Workflow.class);
        }
        catch (ApiException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /**
     * Stores a trigger as {@code createTrigger} would.
     *
     * @throws IllegalArgumentException when the server would refuse it, with its message
     */
    public Trigger seedTrigger(TriggerData trigger) {
        Objects.requireNonNull(trigger, "trigger");
        try {
            TriggerRecord record = triggerEndpoints.create(
                    TriggerDefinitions.read(OrchestrationJson.mapper().valueToTree(trigger)));
            return toModel(WireRenderer.trigger(record), Trigger.class);
        }
        catch (ApiException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /**
     * Runs a workflow as {@code runWorkflow} would, and returns the instance as that call answers it.
     *
     * @throws IllegalArgumentException when the workflow does not exist
     */
    public WorkflowInstance startInstance(String workflowId, Map<String, String> variables) {
        WorkflowRecord workflow = workflowId == null ? null : store.workflow(workflowId);
        if (workflow == null) {
            throw new IllegalArgumentException("no workflow with id " + workflowId);
        }
        return toModel(engine.start(workflow, variables == null ? Map.of() : variables).created(),
                WorkflowInstance.class);
    }

    // ---------------------------------------------------------------- inspection

    /** Every stored workflow, deleted ones included (with {@code deletedAt}), in creation order. */
    public List<Workflow> workflows() {
        synchronized (store) {
            return store.workflows().stream()
                    .map(workflow -> toModel(WireRenderer.workflow(workflow), Workflow.class))
                    .toList();
        }
    }

    /** Every instance, with its workflow and stage statuses, in creation order. */
    public List<WorkflowInstance> instances() {
        synchronized (store) {
            return store.instances().stream().map(this::fullInstance).toList();
        }
    }

    /** An instance with its workflow and stage statuses, as {@code getInstance} renders it. */
    public Optional<WorkflowInstance> instance(String instanceId) {
        synchronized (store) {
            InstanceRecord instance = instanceId == null ? null : store.instance(instanceId);
            return Optional.ofNullable(instance).map(this::fullInstance);
        }
    }

    /** The triggers that are not deleted, in creation order. */
    public List<Trigger> triggers() {
        synchronized (store) {
            return store.triggers().stream()
                    .filter(trigger -> trigger.deletedAt == null)
                    .map(trigger -> toModel(WireRenderer.trigger(trigger), Trigger.class))
                    .toList();
        }
    }

    /** The occurrences of a trigger, as {@code listTriggersOccurrences} renders them. */
    public List<TriggerOccurrence> occurrences(String triggerId) {
        synchronized (store) {
            return store.occurrences(triggerId).stream().map(this::occurrence).toList();
        }
    }

    /**
     * Waits until the instance has ended (bounded by {@code timeout}) and returns its final state.
     *
     * @throws IllegalArgumentException when there is no such instance
     * @throws IllegalStateException    when it is still running after {@code timeout}
     */
    public WorkflowInstance awaitTermination(String instanceId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        InstanceRecord instance = instanceId == null ? null : store.instance(instanceId);
        if (instance == null) {
            throw new IllegalArgumentException("no instance with id " + instanceId);
        }
        if (!engine.awaitTermination(instance, timeout)) {
            throw new IllegalStateException("instance " + instanceId + " is still running after " + timeout);
        }
        synchronized (store) {
            return fullInstance(instance);
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * Emits an event of the given type with version {@code v1}, as if another Formance service had published it.
     *
     * @see #emitEvent(String, String, Object)
     */
    public List<TriggerOccurrence> emitEvent(String type, Object payload) {
        return emitEvent(type, "v1", payload);
    }

    /**
     * Emits an event: every live trigger on {@code type} (and on {@code version}, when the trigger has one) whose
     * filter matches fires, evaluates its variables on the payload and starts its workflow with them. Returns the
     * occurrences, in trigger creation order, once their instances have started. As on the real server, a trigger
     * fires at most once per {@code payload.id} for {@code SAVED_PAYMENT} and {@code SAVED_ACCOUNT} events
     * ({@link #reset()} forgets the ids).
     *
     * @param type    the event type, e.g. {@code SAVED_PAYMENT}
     * @param version the event version, e.g. {@code v1}
     * @param payload the payload, any value that maps to a JSON object (a {@code Map}, a record, a
     *                {@code JsonNode})
     */
    public List<TriggerOccurrence> emitEvent(String type, String version, Object payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        JsonNode tree = OrchestrationJson.mapper().valueToTree(payload == null ? Map.of() : payload);
        List<OccurrenceRecord> fired = triggerProcessor.emit(type, version, tree);
        synchronized (store) {
            return fired.stream().map(this::occurrence).toList();
        }
    }

    // ---------------------------------------------------------------- faults

    /** Adds a fault for the next matching requests. */
    public void inject(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    /** The next request of {@code operation} gets {@code status} with the server's error body. */
    public void failNext(OrchestrationOperation operation, int status) {
        inject(Fault.on(operation).respond(status));
    }

    /** The next {@code times} requests of {@code operation} get {@code status} with the server's error body. */
    public void failNext(OrchestrationOperation operation, int status, int times) {
        inject(Fault.on(operation).respond(status).times(times));
    }

    /** The next {@code times} requests whose raw path matches {@code pathRegex} get {@code status}. */
    public void failNext(String pathRegex, int status, int times) {
        inject(Fault.onPath(pathRegex).respond(status).times(times));
    }

    /** The next {@code times} requests of {@code operation} are handled normally after {@code delay}. */
    public void delayNext(OrchestrationOperation operation, Duration delay, int times) {
        inject(Fault.on(operation).delay(delay).times(times));
    }

    /** Drops every pending fault. */
    public void clearFaults() {
        faults.clear();
    }

    // ---------------------------------------------------------------- exchanges

    /** The requests received so far (oldest first, bounded by the builder's {@code maxRecordedExchanges}). */
    public List<ReceivedExchange> exchanges() {
        return recorder.snapshot();
    }

    /** The requests received for one operation. */
    public List<ReceivedExchange> exchanges(OrchestrationOperation operation) {
        return recorder.snapshot().stream().filter(exchange -> exchange.operation() == operation).toList();
    }

    /** The last request received, if any. */
    public Optional<ReceivedExchange> lastExchange() {
        List<ReceivedExchange> all = recorder.snapshot();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Forgets the recorded requests. */
    public void clearExchanges() {
        recorder.clear();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Forgets all workflows, instances (stopping their timers), triggers, occurrences, pending faults and recorded
     * exchanges. Issued tokens stay valid and the server keeps its port.
     */
    public void reset() {
        engine.forget(store.clear());
        faults.clear();
        recorder.clear();
    }

    /** Stops the server, its timers and its threads. Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        httpServer.stop(0);
        engine.close();
        httpThreads.shutdownNow();
        LOG.info("Embedded Orchestration V1 server on {} stopped", baseUrl);
    }

    @Override
    public String toString() {
        return "EmbeddedOrchestrationServer[" + apiUrl() + ", auth=" + (isAuthEnabled() ? "on" : "off")
                + (running ? "" : ", stopped") + "]";
    }

    private WorkflowInstance fullInstance(InstanceRecord instance) {
        return toModel(WireRenderer.instance(instance, store.workflow(instance.workflowId), true),
                WorkflowInstance.class);
    }

    private TriggerOccurrence occurrence(OccurrenceRecord occurrence) {
        InstanceRecord instance = occurrence.instanceId() == null ? null : store.instance(occurrence.instanceId());
        ObjectNode node = WireRenderer.occurrence(occurrence, instance);
        return toModel(node, TriggerOccurrence.class);
    }

    private static <T> T toModel(JsonNode node, Class<T> type) {
        return OrchestrationJson.mapper().treeToValue(node, type);
    }

    /**
     * Configures and starts an {@link EmbeddedOrchestrationServer}.
     *
     * <p>Defaults: random port on 127.0.0.1, path prefix {@code /api/orchestration}, no authentication (add a
     * {@link #client(String, String) client} to require tokens), token lifetime 1 hour, system UTC clock, 16 HTTP
     * threads with a queue of 256, {@code wait=true} bounded to 5 minutes, delays as configured in the workflow,
     * the last 10,000 exchanges recorded.
     */
    public static final class Builder {

        private int port;
        private String pathPrefix = DEFAULT_PATH_PREFIX;
        private final Map<String, ClientCredentials> clients = new LinkedHashMap<>();
        private Duration tokenTtl = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private String version = DEFAULT_VERSION;
        private int threads = 16;
        private int queueCapacity = 256;
        private Duration runWaitLimit = Duration.ofMinutes(5);
        private Duration maxDelay;
        private int maxRecordedExchanges = 10_000;
        private EmbeddedTls tls;

        private Builder() {
        }

        /** Serves HTTPS with a certificate from a freshly generated test authority ({@link EmbeddedTls#generated()}). */
        public Builder https() {
            return https(EmbeddedTls.generated());
        }

        /**
         * Serves HTTPS with the given set-up, with mutual TLS when it
         * {@linkplain EmbeddedTls#requireClientCertificate() requires a client certificate}.
         */
        public Builder https(EmbeddedTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The prefix of the V1 routes, {@code /api/orchestration} by default; {@code ""} or {@code "/"} for none. */
        public Builder pathPrefix(String prefix) {
            this.pathPrefix = normalizePrefix(prefix);
            return this;
        }

        /** Adds an OAuth2 client; with at least one client, V1 routes other than {@code _info} require a token. */
        public Builder client(String clientId, String clientSecret) {
            ClientCredentials credentials = new ClientCredentials(clientId, clientSecret);
            clients.put(credentials.clientId(), credentials);
            return this;
        }

        /** How long issued tokens stay valid (the {@code expires_in} of the token response); default 1 hour. */
        public Builder tokenTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be positive, got " + ttl);
            }
            this.tokenTtl = ttl;
            return this;
        }

        /**
         * The clock of timestamps and token expiry (a test can move it to expire tokens). Delay stages still wait
         * in real time.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The version {@code _info} reports. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The number of HTTP worker threads (default 16); more requests queue up to {@code queueCapacity}. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** How many requests may wait for a worker thread (default 256) before the accepting thread runs one. */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, got " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** The longest a {@code runWorkflow?wait=true} call blocks before answering with the running instance. */
        public Builder runWaitLimit(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative()) {
                throw new IllegalArgumentException("runWaitLimit must not be negative, got " + limit);
            }
            this.runWaitLimit = limit;
            return this;
        }

        /**
         * Shortens every {@code delay} stage to at most this long (e.g. {@code Duration.ZERO} to skip delays); by
         * default delays last what the workflow says.
         */
        public Builder maxDelay(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative()) {
                throw new IllegalArgumentException("maxDelay must not be negative, got " + limit);
            }
            this.maxDelay = limit;
            return this;
        }

        /** How many exchanges {@link #exchanges()} keeps, the oldest dropped first (default 10,000). */
        public Builder maxRecordedExchanges(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRecordedExchanges must be at least 1, got " + max);
            }
            this.maxRecordedExchanges = max;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws UncheckedIOException when the port cannot be bound
         */
        public EmbeddedOrchestrationServer start() {
            return new EmbeddedOrchestrationServer(this);
        }

        @Override
        public String toString() {
            return "EmbeddedOrchestrationServer.Builder[port=" + port + ", pathPrefix=" + pathPrefix + ", clients="
                    + new ArrayList<>(clients.keySet()) + "]";
        }

        static String normalizePrefix(String prefix) {
            if (prefix == null || prefix.isBlank() || prefix.strip().equals("/")) {
                return "";
            }
            String text = prefix.strip();
            if (text.contains("?") || text.contains("#") || text.contains(" ")) {
                throw new IllegalArgumentException("pathPrefix must be a plain path, got '" + prefix + "'");
            }
            if (!text.startsWith("/")) {
                text = "/" + text;
            }
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            return text;
        }
    }
}
