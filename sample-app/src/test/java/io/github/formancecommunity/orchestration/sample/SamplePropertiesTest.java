package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

class SamplePropertiesTest {

    @Test
    void bindsTheDefaults() {
        SampleProperties properties = bind(Map.of());
        assertThat(properties.getLedger()).isEqualTo("default");
        assertThat(properties.getDelay()).isEqualTo("1s");
        assertThat(properties.getInstanceTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.isKeepRunning()).isFalse();
    }

    @Test
    void refusesNonPositiveDurationsAndBlankNamesNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("sample.poll-interval", "0s")))
                .hasRootCauseMessage("sample.poll-interval must be a positive duration such as 500ms or 10s (got PT0S)");
        assertThatThrownBy(() -> bind(Map.of("sample.instance-timeout", "-1s")))
                .hasRootCauseMessage("sample.instance-timeout must be a positive duration such as 500ms or 10s"
                        + " (got PT-1S)");
        assertThatThrownBy(() -> bind(Map.of("sample.ledger", " ")))
                .hasRootCauseMessage("sample.ledger must not be blank");
    }

    private static SampleProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("sample", SampleProperties.class);
    }
}
