package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The start-up baselines (startup-baseline/pom.xml, not a module of the reactor) resolve the same Spring Boot and
 * Spring Cloud versions as the project, so that the baseline sides differ from the starter's only by the starter.
 */
class StartupBaselinePomTest {

    private static final Pattern BOOT_PARENT = Pattern.compile(
            "<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern SPRING_CLOUD = Pattern.compile("<spring-cloud.version>([^<]+)</spring-cloud.version>");

    @Test
    void theBaselinesUseTheProjectsSpringBootAndSpringCloudVersions() throws IOException {
        String project = Files.readString(Path.of("..", "pom.xml"));
        String baseline = Files.readString(Path.of("startup-baseline", "pom.xml"));

        assertThat(first(BOOT_PARENT, baseline)).isEqualTo(first(BOOT_PARENT, project));
        assertThat(first(SPRING_CLOUD, baseline)).isEqualTo(first(SPRING_CLOUD, project));
    }

    private static String first(Pattern pattern, String pom) {
        Matcher matcher = pattern.matcher(pom);
        assertThat(matcher.find()).as("%s in the pom", pattern).isTrue();
        return matcher.group(1);
    }
}
