package io.github.formancecommunity.orchestration.sample;

import java.io.PrintStream;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs the tour once the application has started, prints the report and keeps the exit code:
 * {@value #SUCCEEDED} when every step succeeded, {@value #FAILED} when one failed, {@value #NOT_RUN} when the tour
 * did not run. {@code SpringApplication.exit} reads it.
 */
@Component
class SampleRunner implements ApplicationRunner, ExitCodeGenerator {

    /** Every step succeeded. */
    static final int SUCCEEDED = 0;
    /** A step failed; the report names it. */
    static final int FAILED = 1;
    /** The tour has not run (yet). */
    static final int NOT_RUN = 2;

    private final OrchestrationTour tour;
    private final ReportPrinter printer;
    private final SampleProperties properties;
    private final Environment environment;
    private volatile @Nullable ScenarioReport report;
    private volatile int exitCode = NOT_RUN;

    SampleRunner(OrchestrationTour tour, ReportPrinter printer, SampleProperties properties,
            Environment environment) {
        this.tour = tour;
        this.printer = printer;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        ScenarioReport result = tour.scenario().run();
        this.report = result;
        this.exitCode = result.succeeded() ? SUCCEEDED : FAILED;
        PrintStream out = System.out;
        out.print(printer.render(result, exitCode));
        if (properties.isKeepRunning()) {
            out.println();
            out.println(keepRunningNotice());
        }
        out.flush();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** The report of the last run, {@code null} before the tour ran. */
    @Nullable ScenarioReport report() {
        return report;
    }

    private String keepRunningNotice() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return "Keeping running (sample.keep-running=true), but no web server started: run with"
                    + " --sample.keep-running=true on the command line to get the actuator endpoints.";
        }
        String base = "http://localhost:" + port + "/actuator";
        return "Keeping running (sample.keep-running=true); press Ctrl+C to stop.\n"
                + "  health:  " + base + "/health\n"
                + "  metrics: " + base + "/metrics/" + RequestMetricsSection.TIMER;
    }
}
