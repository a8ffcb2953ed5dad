package io.github.formancecommunity.orchestration.client.observation;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationAuthenticationException;
import io.github.formancecommunity.orchestration.client.OrchestrationCircuitOpenException;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import io.github.formancecommunity.orchestration.client.OrchestrationResponseException;
import io.github.formancecommunity.orchestration.client.OrchestrationTimeoutException;
import io.github.formancecommunity.orchestration.client.OrchestrationTransportException;
import io.github.formancecommunity.orchestration.client.model.ErrorCode;

/**
 * The low-cardinality description of how a call ended: the {@code status}, {@code outcome} and
 * {@code error.code} tag values. Never an id, never a message.
 *
 * @param status    the HTTP status, or one of {@link #IO_ERROR}, {@link #TIMEOUT}, {@link #CIRCUIT_OPEN},
 *                  {@link #AUTH_ERROR}, {@link #CLIENT_ERROR} when there was none
 * @param outcome   {@code SUCCESS}, {@code CLIENT_ERROR} (4xx), {@code SERVER_ERROR} (5xx), {@code REDIRECTION}
 *                  (3xx), {@code INFORMATIONAL} (1xx) or {@code UNKNOWN} (no usable response)
 * @param errorCode the API {@code errorCode} when it is one of the three the spec lists, {@code OTHER} for any
 *                  other code, {@code none} when the failure carried none
 */
record CallOutcome(String status, String outcome, String errorCode) {

    /** Status of a transport failure: the connection failed, was reset, or the response was cut. */
    static final String IO_ERROR = "IO_ERROR";
    /** Status of a connect or read time-out. */
    static final String TIMEOUT = "TIMEOUT";
    /** Status of a call the open circuit breaker rejected without sending it. */
    static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";
    /** Status of a call for which no access token could be obtained. */
    static final String AUTH_ERROR = "AUTH_ERROR";
    /** Status of any other failure inside the client, before or without a response. */
    static final String CLIENT_ERROR = "CLIENT_ERROR";

    static final String OUTCOME_SUCCESS = "SUCCESS";
    static final String OUTCOME_UNKNOWN = "UNKNOWN";
    static final String NO_ERROR_CODE = "none";
    static final String OTHER_ERROR_CODE = "OTHER";

    /** How a call that returned normally ended. */
    static CallOutcome success(OrchestrationOperation operation) {
        return SUCCESSES[operation.ordinal()];
    }

    private static final CallOutcome[] SUCCESSES = successes();

    private static CallOutcome[] successes() {
        OrchestrationOperation[] operations = OrchestrationOperation.values();
        CallOutcome[] outcomes = new CallOutcome[operations.length];
        for (OrchestrationOperation operation : operations) {
            outcomes[operation.ordinal()] = new CallOutcome(Integer.toString(operation.successStatus()),
                    OUTCOME_SUCCESS, NO_ERROR_CODE);
        }
        return outcomes;
    }

    /** How a call that threw {@code failure} ended. */
    static CallOutcome failure(Throwable failure) {
        if (failure instanceof OrchestrationApiException api) {
            return new CallOutcome(Integer.toString(api.status()), outcome(api.status()), errorCode(api.errorCode()));
        }
        if (failure instanceof OrchestrationResponseException response) {
            return new CallOutcome(Integer.toString(response.status()), OUTCOME_UNKNOWN, NO_ERROR_CODE);
        }
        return new CallOutcome(statusWithoutResponse(failure), OUTCOME_UNKNOWN, NO_ERROR_CODE);
    }

    static String statusWithoutResponse(Throwable failure) {
        if (failure instanceof OrchestrationTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof OrchestrationTransportException) {
            return IO_ERROR;
        }
        if (failure instanceof OrchestrationCircuitOpenException) {
            return CIRCUIT_OPEN;
        }
        if (failure instanceof OrchestrationAuthenticationException) {
            return AUTH_ERROR;
        }
        return CLIENT_ERROR;
    }

    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> OUTCOME_SUCCESS;
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> OUTCOME_UNKNOWN;
        };
    }

    static String errorCode(ErrorCode code) {
        if (code == null) {
            return NO_ERROR_CODE;
        }
        return code.isKnown() ? code.value() : OTHER_ERROR_CODE;
    }
}
