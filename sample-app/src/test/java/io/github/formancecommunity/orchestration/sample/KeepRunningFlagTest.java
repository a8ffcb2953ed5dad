package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

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
    void refusesAValueThatIsNotABoolean() {
        assertThatThrownBy(() -> KeepRunningFlag.isSet("--sample.keep-running=maybe"))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("sample.keep-running");
    }
}
