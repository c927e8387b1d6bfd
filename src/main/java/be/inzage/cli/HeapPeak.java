package be.inzage.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * For the benchmarks (-Dinzage.stats=true): the most heap in use at one moment, sampled every
 * 20 ms. Summing the heap pools' own peaks overstates it, since eden and the old generation peak
 * at different times; a sample can miss a peak shorter than the interval.
 */
final class HeapPeak {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peak;
    private volatile boolean running = true;

    private HeapPeak() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "inzage-heap-peak");
        sampler.setDaemon(true);
    }

    static HeapPeak start() {
        HeapPeak h = new HeapPeak();
        h.sampler.start();
        return h;
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peak) {
            peak = used;
        }
    }

    /** Stops sampling; the peak in bytes. */
    long stop() {
        running = false;
        sampler.interrupt();
        sample();
        return peak;
    }
}
