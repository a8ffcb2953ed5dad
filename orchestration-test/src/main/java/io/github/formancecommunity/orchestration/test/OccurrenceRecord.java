package io.github.formancecommunity.orchestration.test;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One firing of a trigger.
 *
 * @param id         the occurrence id
 * @param triggerId  the trigger
 * @param date       when it fired
 * @param event      the event message {@code {date, app, version, type, payload}}
 * @param instanceId the instance it started, {@code null} on error
 * @param error      why no instance was started, {@code null} on success
 */
record OccurrenceRecord(String id, String triggerId, Instant date, ObjectNode event, String instanceId,
        String error) {
}
