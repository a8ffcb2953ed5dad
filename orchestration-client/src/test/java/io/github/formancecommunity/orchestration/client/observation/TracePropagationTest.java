package io.github.formancecommunity.orchestration.client.observation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/** With Micrometer Tracing, a call is a child span of the caller's span and its request carries traceparent. */
class TracePropagationTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.alwaysOn())
            .addSpanProcessor(SimpleSpanProcessor.create(new Recorder(finished)))
            .build();

    @AfterEach
    void shutDown() {
        provider.close();
    }

    @Test
    void theRequestCarriesTheTraceContextOfAChildOfTheCallersSpan() throws Exception {
        server.stubFor(get("/_info").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"version\":\"v2.6.0\"}")));
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        Tracer tracer = new OtelTracer(otel, current, event -> {
        }, new OtelBaggageManager(current, List.of(), List.of()));
        OtelPropagator propagator = new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(
                new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));

        Span caller = tracer.nextSpan().name("caller").start();
        try (OrchestrationV1Client client = OrchestrationV1Client.builder()
                .baseUrl(server.baseUrl())
                .pathPrefix("")
                .observationRegistry(observations)
                .build();
                Tracer.SpanInScope scope = tracer.withSpan(caller)) {
            assertThat(client.getServerInfo().version()).isEqualTo("v2.6.0");
        }
        finally {
            caller.end();
        }

        List<LoggedRequest> requests = server.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/_info")));
        assertThat(requests).hasSize(1);
        String traceparent = requests.get(0).getHeader("traceparent");
        SpanData call = finished.stream().filter(span -> span.getName().equals("orchestrationgetServerInfo"))
                .findFirst().orElseThrow();
        assertThat(call.getParentSpanId()).isEqualTo(caller.context().spanId());
        assertThat(call.getTraceId()).isEqualTo(caller.context().traceId());
        assertThat(traceparent).isEqualTo("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01");
        assertThat(call.getAttributes().asMap()).anySatisfy((key, value) -> {
            assertThat(key.getKey()).isEqualTo("status");
            assertThat(value).isEqualTo("200");
        });
    }

    /** Keeps the spans that ended. */
    private record Recorder(List<SpanData> spans) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
