package be.inzage.scan;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one running scan, written by the crawler's event loop and read by whoever
 * shows progress (the API, the UI). Items are "known" as soon as the walk or the table
 * discovery has listed them, so a percentage exists once the listing is complete.
 */
public final class ScanProgress {

    private final AtomicLong known = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong findings = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean listingDone;
    private volatile long startedNanos = System.nanoTime();

    void listed(long n) {
        known.addAndGet(n);
    }

    void listingDone() {
        listingDone = true;
    }

    void done(long findingsOfItem, boolean failed) {
        done.incrementAndGet();
        findings.addAndGet(findingsOfItem);
        if (failed) {
            errors.incrementAndGet();
        }
    }

    void started() {
        startedNanos = System.nanoTime();
    }

    public long itemsDone() {
        return done.get();
    }

    public boolean listingComplete() {
        return listingDone;
    }

    public JsonObject toJson(boolean finished) {
        long d = done.get();
        long seen = Math.max(known.get(), d);
        double secs = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        double rate = d / secs;
        Double percent = finished ? Double.valueOf(100.0)
                : listingDone ? Double.valueOf(seen == 0 ? 100.0 : Math.floor(1000.0 * d / seen) / 10) : null;
        Double eta = finished ? Double.valueOf(0) : listingDone && rate > 0 ? Double.valueOf(Math.round((seen - d) / rate)) : null;
        return new JsonObject()
                .put("itemsSeen", seen)
                .put("itemsDone", d)
                .put("walkDone", finished || listingDone)
                .put("findings", findings.get())
                .put("errors", errors.get())
                .put("percent", percent)
                .put("ratePerSecond", Math.round(rate * 10) / 10.0)
                .put("etaSeconds", eta);
    }
}
