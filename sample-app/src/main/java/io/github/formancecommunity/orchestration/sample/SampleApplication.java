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
 * <p>Without {@code formance.orchestration.base-url} it starts the embedded Orchestration server (with OAuth2 client
 * credentials) and talks to it; with {@code FORMANCE_ORCHESTRATION_BASE_URL} and credentials it talks to that
 * Formance Stack. It exits with 0 when every step succeeded, 1 otherwise. With {@code --sample.keep-running=true}
 * it keeps running after the report, with the actuator health and metrics endpoints on HTTP.
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
        boolean keepRunning = KeepRunningFlag.isSet(args);
        ConfigurableApplicationContext context = application(keepRunning).run(args);
        if (!keepRunning) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * The application as {@link #main} configures it: a web server only when it keeps running, and the
     * initializer that starts the embedded server when no Formance Stack is configured.
     *
     * @param keepRunning whether the application stays up after the report (web server and actuator endpoints)
     * @return the application, not yet run
     */
    public static SpringApplication application(boolean keepRunning) {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        application.setWebApplicationType(keepRunning ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        application.addInitializers(new EmbeddedStackInitializer());
        return application;
    }
}
