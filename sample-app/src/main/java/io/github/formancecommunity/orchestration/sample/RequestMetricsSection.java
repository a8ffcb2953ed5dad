package io.github.formancecommunity.orchestration.sample;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The report's request metrics: the starter's timer {@value #TIMER}, one line per operation and
 * status/outcome that was called at least once, with count, mean and max.
 */
final class RequestMetricsSection {

    /** The timer the starter records every call in. */
    static final String TIMER = "formance.orchestration.client.requests";

    private RequestMetricsSection() {
    }

    /**
     * Renders the section.
     *
     * @param registry the application's registry, {@code null} when it has none
     */
    static String render(@Nullable MeterRegistry registry) {
        StringBuilder out = new StringBuilder("Request metrics (timer " + TIMER + ")\n");
        if (registry == null) {
            return out.append("  not available: the application has no MeterRegistry\n").toString();
        }
        // Only the series that counted a call are shown.
        List<Timer> timers = registry.find(TIMER).timers().stream()
                .filter(timer -> timer.count() > 0)
                .sorted(Comparator.comparing((Timer timer) -> tag(timer, "operation"))
                        .thenComparing(timer -> tag(timer, "status"))
                        .thenComparing(timer -> tag(timer, "outcome")))
                .toList();
        if (timers.isEmpty()) {
            return out.append("  not available: no call recorded in a ").append(TIMER).append(" timer (the"
                    + " starter's metrics are off, or this version of the starter does not time calls)\n")
                    .toString();
        }
        TextTable table = TextTable.of("operation", "method", "status", "outcome", "error.code", "count>",
                "mean ms>", "max ms>");
        long total = 0;
        for (Timer timer : timers) {
            table.row(tag(timer, "operation"), tag(timer, "method"), tag(timer, "status"), tag(timer, "outcome"),
                    tag(timer, "error.code"), timer.count(), millis(timer.mean(TimeUnit.MILLISECONDS)),
                    millis(timer.max(TimeUnit.MILLISECONDS)));
            total += timer.count();
        }
        out.append(table.render("  "));
        out.append("  ").append(total).append(" timed request(s), ").append(timers.size())
                .append(" series\n");
        return out.toString();
    }

    private static String tag(Timer timer, String key) {
        String value = timer.getId().getTag(key);
        return value == null ? "" : value;
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
