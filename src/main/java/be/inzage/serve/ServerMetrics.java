package be.inzage.serve;

import be.inzage.scan.ScanSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inzage's own meters next to Vert.x's (HTTP, event bus, pools), all in one Prometheus registry.
 * Labels are source names and finding types, never values.
 */
public final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger running = new AtomicInteger();
    private final Timer search;

    public ServerMetrics() {
        registry.gauge("inzage_scan_runs_active", running);
        search = Timer.builder("inzage_subject_search").description("subject search latency")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    void runStarted() {
        running.incrementAndGet();
    }

    void runEnded(String source, String state, ScanSummary summary) {
        running.decrementAndGet();
        Counter.builder("inzage_scan_runs").tag("source", source).tag("state", state).register(registry).increment();
        if (summary != null) {
            Counter.builder("inzage_scan_items").tag("source", source).register(registry).increment(summary.seen());
            Counter.builder("inzage_scan_item_errors").tag("source", source).register(registry).increment(summary.failed());
            summary.perType().forEach((type, n) ->
                    Counter.builder("inzage_findings").tag("source", source).tag("type", type).register(registry).increment(n));
        }
    }

    public void searched(long nanos) {
        search.record(nanos, TimeUnit.NANOSECONDS);
    }
}
