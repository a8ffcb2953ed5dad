package io.github.formancecommunity.orchestration.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.formancecommunity.orchestration.test.spring.EmbeddedOrchestrationDevelopmentConfiguration;

/**
 * The sample's development-time main: {@link SampleApplication} against the embedded Orchestration server, with
 * nothing to configure. Run it from the IDE, or with {@code ./mvnw -q -pl sample-app -am spring-boot:test-run}.
 *
 * <p>{@link EmbeddedOrchestrationDevelopmentConfiguration} starts the server with the application, stops it with
 * the application, and contributes the {@code OrchestrationConnectionDetails} that point the starter's client at
 * it, so no {@code formance.orchestration.base-url} is needed. Like {@link SampleApplication#main}, it ends the JVM
 * with the tour's exit code unless {@code --sample.keep-running=true} is given.
 */
public final class TestSampleApplication {

    private TestSampleApplication() {
    }

    /**
     * Runs the sample against the embedded server and exits with its exit code, unless it is asked to keep running.
     *
     * @param args Spring Boot arguments, e.g. {@code --sample.keep-running=true}
     */
    public static void main(String[] args) {
        SampleApplication.exitWhenDone(start(args), args);
    }

    // tag::development-main[]
    /**
     * Runs the sample against the embedded server, without ending the JVM.
     *
     * @param args Spring Boot arguments
     * @return the running context; the tour has run and its report is printed
     */
    static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.from(SampleApplication::start)
                .with(EmbeddedOrchestrationDevelopmentConfiguration.class)
                .run(args)
                .getApplicationContext();
    }
    // end::development-main[]
}
