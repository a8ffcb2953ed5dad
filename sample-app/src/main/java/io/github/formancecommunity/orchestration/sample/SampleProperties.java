package io.github.formancecommunity.orchestration.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample ({@code sample.*}).
 */
@ConfigurationProperties("sample")
public class SampleProperties {

    /**
     * Whether to keep running after the report, with the web server and the actuator health and metrics endpoints.
     * Read from the command line, system properties or the environment before the application starts.
     */
    private boolean keepRunning;

    /** The ledger the workflow's send stage writes to. */
    private String ledger = "default";

    /** The duration of the workflow's delay stage, in Go's format (e.g. 1s, 500ms). */
    private String delay = "1s";

    /** How long to wait for an instance to end before the step fails. */
    private Duration instanceTimeout = Duration.ofSeconds(30);

    /** How long to wait between two getInstance calls while waiting for an instance to end. */
    private Duration pollInterval = Duration.ofMillis(100);

    /** How long to wait for a canceled instance to show as terminated. */
    private Duration cancelTimeout = Duration.ofSeconds(5);

    /** Whether {@link #keepRunning} is on. */
    public boolean isKeepRunning() {
        return keepRunning;
    }

    /** Sets {@link #keepRunning}. */
    public void setKeepRunning(boolean keepRunning) {
        this.keepRunning = keepRunning;
    }

    /** The ledger of the send stage. */
    public String getLedger() {
        return ledger;
    }

    /** Sets the ledger of the send stage. */
    public void setLedger(String ledger) {
        this.ledger = requireText(ledger, "ledger");
    }

    /** The duration of the delay stage. */
    public String getDelay() {
        return delay;
    }

    /** Sets the duration of the delay stage. */
    public void setDelay(String delay) {
        this.delay = requireText(delay, "delay");
    }

    /** How long to wait for an instance to end. */
    public Duration getInstanceTimeout() {
        return instanceTimeout;
    }

    /** Sets how long to wait for an instance to end. */
    public void setInstanceTimeout(Duration instanceTimeout) {
        this.instanceTimeout = requirePositive(instanceTimeout, "instance-timeout");
    }

    /** The pause between two polls. */
    public Duration getPollInterval() {
        return pollInterval;
    }

    /** Sets the pause between two polls. */
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = requirePositive(pollInterval, "poll-interval");
    }

    /** How long to wait for a canceled instance to end. */
    public Duration getCancelTimeout() {
        return cancelTimeout;
    }

    /** Sets how long to wait for a canceled instance to end. */
    public void setCancelTimeout(Duration cancelTimeout) {
        this.cancelTimeout = requirePositive(cancelTimeout, "cancel-timeout");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sample." + name + " must not be blank");
        }
        return value.strip();
    }

    private static Duration requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sample." + name + " must be a positive duration such as 500ms or 10s"
                    + " (got " + value + ")");
        }
        return value;
    }
}
