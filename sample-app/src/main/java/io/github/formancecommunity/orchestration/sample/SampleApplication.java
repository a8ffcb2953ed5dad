package io.github.formancecommunity.orchestration.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application that calls every Formance Orchestration V1 operation through
 * {@code orchestration-spring-boot-starter} and prints a report.
 *
 * <p>{@link #main} talks to the Formance Stack that {@code formance.orchestration.base-url} (e.g.
 * {@code FORMANCE_ORCHESTRATION_BASE_URL}) and the credentials name, and fails to start without a base URL. The
 * test-side {@code TestSampleApplication} runs the same application against the embedded Orchestration server,
 * following Boot's development-time services convention. It exits with 0 when every step succeeded, 1 otherwise.
 * With {@code --sample.keep-running=true} it keeps running after the report, with the actuator health and metrics
 * endpoints on HTTP.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    /**
     * Runs the sample and exits with its exit code, unless it is asked to keep running.
     *
     * @param args Spring Boot arguments, e.g. {@code --sample.keep-running=true}
     */
    public static void main(String[] args) {
        exitWhenDone(start(args), args);
    }

    /**
     * Runs the sample as {@link #main} does, without ending the JVM: what {@code SpringApplication.from(...)}
     * runs in the test-side main, and what tests run.
     *
     * @param args Spring Boot arguments
     * @return the running context; the tour has run and its report is printed
     */
    public static ConfigurableApplicationContext start(String... args) {
        return application(KeepRunningFlag.isSet(args)).run(args);
    }

    /**
     * The application as {@link #start} configures it: a web server only when it keeps running.
     *
     * @param keepRunning whether the application stays up after the report (web server and actuator endpoints)
     * @return the application, not yet run
     */
    public static SpringApplication application(boolean keepRunning) {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        application.setWebApplicationType(keepRunning ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        return application;
    }

    /**
     * Ends the JVM with the exit code of the tour ({@code SpringApplication.exit}, which also closes the context),
     * unless the arguments ask it to keep running.
     */
    static void exitWhenDone(ConfigurableApplicationContext context, String... args) {
        if (!KeepRunningFlag.isSet(args)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
