package io.github.formancecommunity.orchestration.client;

/** The {@code {"data": ...}} envelope of every V1 success body except {@code _info}. */
record DataEnvelope<T>(T data) {
}
