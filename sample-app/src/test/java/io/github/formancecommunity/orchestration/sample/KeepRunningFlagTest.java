package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class KeepRunningFlagTest {

    @Test
    void isOffByDefault() {
        assertThat(KeepRunningFlag.isSet()).isFalse();
        assertThat(KeepRunningFlag.isSet("--other=true")).isFalse();
    }

    @Test
    void readsTheCommandLineWithRelaxedNames() {
        assertThat(KeepRunningFlag.isSet("--sample.keep-running=true")).isTrue();
        assertThat(KeepRunningFlag.isSet("--sample.keepRunning=true")).isTrue();
        assertThat(KeepRunningFlag.isSet("--sample.keep-running=false")).isFalse();
    }

    @Test
    void readsTheEnvironmentVariable() {
        assertThat(KeepRunningFlag.isSet(environmentWith(Map.of("SAMPLE_KEEP_RUNNING", "true")))).isTrue();
        assertThat(KeepRunningFlag.isSet(environmentWith(Map.of("SAMPLE_KEEPRUNNING", "true")))).isTrue();
        // The command line wins over the environment.
        assertThat(KeepRunningFlag.isSet(environmentWith(Map.of("SAMPLE_KEEP_RUNNING", "true")),
                "--sample.keep-running=false")).isFalse();
    }

    @Test
    void refusesAValueThatIsNotABoolean() {
        assertThatThrownBy(() -> KeepRunningFlag.isSet("--sample.keep-running=maybe"))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("sample.keep-running");
    }

    static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        return environment;
    }
}
