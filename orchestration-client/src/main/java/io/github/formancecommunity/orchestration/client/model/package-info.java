/**
 * The request and response models of the Orchestration V1 API: workflows and their stages, instances and their
 * history, triggers and their occurrences, and the ledger, wallet and payment payloads of activity inputs and
 * outputs. Enum-like fields are open enums that keep unknown values.
 *
 * <p>Nullness: a component is {@link org.jspecify.annotations.Nullable @Nullable} where the server may leave the
 * field out (so it decodes as {@code null}) or a caller may leave it unset. The fields the spec requires on
 * workflows, instances, history entries and triggers are non-null. Every component of the activity payloads and
 * of the stage records is nullable: those are read leniently from what the server stored or resolved, and any
 * field of a stage may be a {@code ${variable}} placeholder held in a separate component.
 */
@NullMarked
package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.NullMarked;
