package io.github.formancecommunity.orchestration.client;

/**
 * The 17 operations of the V1 API with what decorations need to know about them: the seed operation name (used
 * as the {@code operation} metric tag), the HTTP method, the success status, whether a retry is safe, and the
 * OAuth2 scope.
 */
public enum OrchestrationOperation {

    /** {@code GET /_info}. */
    GET_SERVER_INFO("orchestrationgetServerInfo", "GET", 200),
    /** {@code GET /triggers}. */
    LIST_TRIGGERS("listTriggers", "GET", 200),
    /** {@code POST /triggers}. */
    CREATE_TRIGGER("createTrigger", "POST", 201),
    /** {@code GET /triggers/{triggerID}}. */
    READ_TRIGGER("readTrigger", "GET", 200),
    /** {@code DELETE /triggers/{triggerID}}. */
    DELETE_TRIGGER("deleteTrigger", "DELETE", 204),
    /** {@code GET /triggers/{triggerID}/occurrences}. */
    LIST_TRIGGERS_OCCURRENCES("listTriggersOccurrences", "GET", 200),
    /** {@code GET /workflows}. */
    LIST_WORKFLOWS("listWorkflows", "GET", 200),
    /** {@code POST /workflows}. */
    CREATE_WORKFLOW("createWorkflow", "POST", 201),
    /** {@code GET /workflows/{flowId}}. */
    GET_WORKFLOW("getWorkflow", "GET", 200),
    /** {@code DELETE /workflows/{flowId}}. */
    DELETE_WORKFLOW("deleteWorkflow", "DELETE", 204),
    /** {@code POST /workflows/{workflowID}/instances}. */
    RUN_WORKFLOW("runWorkflow", "POST", 201),
    /** {@code GET /instances}. */
    LIST_INSTANCES("listInstances", "GET", 200),
    /** {@code GET /instances/{instanceID}}. */
    GET_INSTANCE("getInstance", "GET", 200),
    /** {@code POST /instances/{instanceID}/events}. */
    SEND_EVENT("sendEvent", "POST", 204),
    /** {@code PUT /instances/{instanceID}/abort}. */
    CANCEL_EVENT("cancelEvent", "PUT", 204),
    /** {@code GET /instances/{instanceID}/history}. */
    GET_INSTANCE_HISTORY("getInstanceHistory", "GET", 200),
    /** {@code GET /instances/{instanceID}/stages/{number}/history}. */
    GET_INSTANCE_STAGE_HISTORY("getInstanceStageHistory", "GET", 200);

    /** Scope of the read operations. */
    public static final String SCOPE_READ = "orchestration:read";
    /** Scope of the write operations. */
    public static final String SCOPE_WRITE = "orchestration:write";

    private final String operationId;
    private final String httpMethod;
    private final int successStatus;

    OrchestrationOperation(String operationId, String httpMethod, int successStatus) {
        this.operationId = operationId;
        this.httpMethod = httpMethod;
        this.successStatus = successStatus;
    }

    /** The seed's operation name, e.g. {@code listTriggers} or {@code orchestrationgetServerInfo}. */
    public String operationId() {
        return operationId;
    }

    /** The HTTP method. */
    public String httpMethod() {
        return httpMethod;
    }

    /** The status the server answers on success. */
    public int successStatus() {
        return successStatus;
    }

    /** Whether repeating the request is safe: GET, DELETE and the PUT abort; never a POST. */
    public boolean isIdempotent() {
        return !"POST".equals(httpMethod);
    }

    /** The OAuth2 scope the operation needs. */
    public String scope() {
        return "GET".equals(httpMethod) ? SCOPE_READ : SCOPE_WRITE;
    }

    /** The scope needed by a request of the given HTTP method. */
    public static String scopeForMethod(String httpMethod) {
        return "GET".equalsIgnoreCase(httpMethod) ? SCOPE_READ : SCOPE_WRITE;
    }

    @Override
    public String toString() {
        return operationId;
    }
}
