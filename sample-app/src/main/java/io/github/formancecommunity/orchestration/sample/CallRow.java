package io.github.formancecommunity.orchestration.sample;

import org.jspecify.annotations.Nullable;

import io.github.formancecommunity.orchestration.client.OrchestrationOperation;

/**
 * One line of a step's table: an Orchestration operation (or a local action such as emitting an event on the
 * embedded server), what it was applied to, a summary of its result and how long it took.
 *
 * @param operation     the operation, or {@code null} for a local action
 * @param action        the name shown in the table: the operation's seed name, or the local action's name
 * @param calls         how many requests the line stands for (more than one when polling)
 * @param what          what the call was applied to
 * @param result        a short summary of the result, or of the failure
 * @param elapsedMillis how long it took, in milliseconds
 * @param succeeded     whether it succeeded
 */
record CallRow(@Nullable OrchestrationOperation operation, String action, int calls, String what, String result,
        long elapsedMillis, boolean succeeded) {

    /** The action column, with the number of calls when there were several ({@code getInstance x7}). */
    String actionLabel() {
        return calls > 1 ? action + " x" + calls : action;
    }
}
