package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.benchmarks.BenchmarkMain.Settings;

class BenchmarkSettingsTest {

    @Test
    void readsTheSpringCloudClassPathsAndSkipsCloud() {
        Settings settings = Settings.parse(new String[] {"--quick", "--spring-cloud-classpath", "a.jar:b.jar",
                "--spring-cloud-baseline-classpath", "c.jar", "--skip", "throughput,cloud"});

        assertThat(settings.springCloudClasspath).isEqualTo("a.jar:b.jar");
        assertThat(settings.springCloudBaselineClasspath).isEqualTo("c.jar");
        assertThat(settings.skip).containsExactly("throughput", "cloud");
        assertThat(settings.startupRuns).isEqualTo(5);
    }

    @Test
    void anUnknownPartToSkipIsRejectedNamingTheKnownOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Settings.parse(new String[] {"--skip", "latency,spring-cloud"}))
                .withMessageContaining("unknown part 'spring-cloud'")
                .withMessageContaining("latency,throughput,decorations,cloud,startup");
    }
}
