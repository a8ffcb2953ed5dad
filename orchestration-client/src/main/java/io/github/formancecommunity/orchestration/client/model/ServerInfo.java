package io.github.formancecommunity.orchestration.client.model;

/**
 * What {@code GET /_info} answers (spec schema {@code ServerInfo}).
 *
 * @param version the service version, e.g. {@code v2.6.0}
 */
public record ServerInfo(String version) {
}
