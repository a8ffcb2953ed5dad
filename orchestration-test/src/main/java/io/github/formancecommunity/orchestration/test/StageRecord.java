package io.github.formancecommunity.orchestration.test;

import java.time.Instant;

/** A stage status row of an instance; {@link #history} is {@code null} when the stage failed before it ran. */
final class StageRecord {

    final int number;
    final Instant startedAt;
    Instant terminatedAt;
    String error;
    HistoryRecord history;

    StageRecord(int number, Instant startedAt) {
        this.number = number;
        this.startedAt = Timestamps.stored(startedAt);
    }

    void terminate(Instant at, String failure) {
        terminatedAt = Timestamps.stored(at);
        error = failure;
        if (history != null && history.terminatedAt == null) {
            history.terminatedAt = at;
            history.error = failure;
        }
    }
}
