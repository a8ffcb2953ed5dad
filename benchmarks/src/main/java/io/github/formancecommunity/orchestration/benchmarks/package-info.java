/**
 * The benchmarks of the starter's client: JMH latency, throughput and decoration benchmarks against a canned
 * loopback server, the raw JDK HttpClient baseline, the start-up comparison in fresh JVMs, and the harness that
 * runs them and renders the table of results.
 *
 * <p>Nullness: a value is {@link org.jspecify.annotations.Nullable @Nullable} where a measurement or an option may
 * be absent (a start-up side not run, a class path not given) or a class may be missing from the class path. The
 * fields of the JMH {@code @State} classes are set by their {@code @Setup} method before any benchmark method runs
 * and are non-null from then on.
 */
@NullMarked
package io.github.formancecommunity.orchestration.benchmarks;

import org.jspecify.annotations.NullMarked;
