package io.github.formancecommunity.orchestration.client;

import java.util.HashMap;
import java.util.Map;

import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;

/** Finds the {@link OrchestrationOperation} of a Feign request from the wire method it came from. */
final class Operations {

    private static final Map<String, OrchestrationOperation> BY_ID = new HashMap<>();

    static {
        for (OrchestrationOperation operation : OrchestrationOperation.values()) {
            BY_ID.put(operation.operationId(), operation);
        }
        // runWorkflow with wait=true has a wire method of its own.
        BY_ID.put("runWorkflowAndWait", OrchestrationOperation.RUN_WORKFLOW);
    }

    private Operations() {
    }

    /** The operation of the request, or {@code null} when it did not come from {@link OrchestrationV1Api}. */
    static OrchestrationOperation of(Request request) {
        return of(request == null ? null : request.requestTemplate());
    }

    /** The operation of the request template, or {@code null} when it did not come from {@link OrchestrationV1Api}. */
    static OrchestrationOperation of(RequestTemplate template) {
        MethodMetadata metadata = template == null ? null : template.methodMetadata();
        return metadata == null || metadata.method() == null ? null : BY_ID.get(metadata.method().getName());
    }
}
