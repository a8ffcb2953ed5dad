package io.github.formancecommunity.orchestration.client.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/** Shared settings and assertions of the fault suite. */
final class FaultSupport {

    /** A token recognisable anywhere it might leak. */
    static final String TOKEN = "tok-FAULTSUITE-9f27c4e1d08b";

    /** The longest exception message the suite accepts, whatever the server sent. */
    static final int MAX_MESSAGE_LENGTH = 2_000;

    /** Ten megabytes. */
    static final int TEN_MB = 10 * 1024 * 1024;

    private FaultSupport() {
    }

    /** A builder aimed at {@code baseUrl} with no path prefix, the suite's token and time-outs
     * generous enough for a busy build machine (tests of time-outs set their own). */
    static OrchestrationClientBuilder builder(String baseUrl) {
        return OrchestrationV1Client.builder()
                .baseUrl(baseUrl)
                .pathPrefix("")
                .bearerToken(TOKEN)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(10))
                .runWaitTimeout(Duration.ofSeconds(10));
    }

    /**
     * Asserts that neither the message, nor {@code toString()}, nor anything in the printed stack trace (every
     * cause and suppressed exception) contains the token, and that the message is bounded.
     */
    static void assertNoSecretAndBounded(Throwable thrown) {
        assertThat(thrown.getMessage()).isNotBlank().doesNotContain(TOKEN);
        assertThat(thrown.getMessage().length()).isLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
        assertThat(thrown.toString()).doesNotContain(TOKEN);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            assertThat(t.toString()).doesNotContain(TOKEN);
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(TOKEN);
    }

    /** {@code n} copies of {@code text}. */
    static String repeat(String text, int n) {
        return text.repeat(n);
    }
}
