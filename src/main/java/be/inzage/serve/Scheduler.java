package be.inzage.serve;

import com.cronutils.model.time.ExecutionTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts scheduled runs. {@link #tick} is driven by a one-second timer in production and called
 * directly with a chosen instant in tests, so schedules are testable without waiting minutes.
 * A source whose previous run is still queued or running skips that slot.
 */
public final class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final ScanRuns runs;
    private final Clock clock;
    private final Map<String, ExecutionTime> schedules = new LinkedHashMap<>();
    private final Map<String, ZonedDateTime> next = new LinkedHashMap<>();

    public Scheduler(ServerConfig config, ScanRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
        ZonedDateTime now = ZonedDateTime.now(clock);
        for (ServerConfig.SourceConfig s : config.sources()) {
            if (s.cron() != null) {
                ExecutionTime t = ExecutionTime.forCron(s.cron());
                schedules.put(s.name(), t);
                t.nextExecution(now).ifPresent(n -> next.put(s.name(), n));
            }
        }
    }

    /** Starts every source whose next slot is due at {@code now}; returns how many were started. */
    public synchronized int tick(Instant now) {
        ZonedDateTime at = now.atZone(clock.getZone());
        int started = 0;
        for (Map.Entry<String, ExecutionTime> e : schedules.entrySet()) {
            ZonedDateTime due = next.get(e.getKey());
            if (due == null || due.isAfter(at)) {
                continue;
            }
            try {
                runs.submit(e.getKey(), "schedule");
                started++;
            } catch (ScanRuns.AlreadyActive busy) {
                LOG.info("scheduled run of {} skipped: the previous run is still active", e.getKey());
            } catch (RuntimeException ex) {
                LOG.warn("scheduled run of {} not started: {}", e.getKey(), ex.getMessage());
            }
            e.getValue().nextExecution(at).ifPresentOrElse(n -> next.put(e.getKey(), n), () -> next.remove(e.getKey()));
        }
        return started;
    }

    public void tick() {
        tick(clock.instant());
    }

    public synchronized Instant nextRun(String source) {
        ZonedDateTime n = next.get(source);
        return n == null ? null : n.toInstant();
    }
}
