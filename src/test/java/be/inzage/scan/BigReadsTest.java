package be.inzage.scan;

import be.inzage.inventory.InventoryIndex;
import be.inzage.config.DataDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big logs are read one at a time on two cores (each keeps two threads busy and would split the value
 * tables' memory with the other), small files beside them; every log's findings are all there.
 */
class BigReadsTest {

    @TempDir
    Path tmp;

    private final long threshold = FileShareCrawler.pipelinedBytes;

    @AfterEach
    void restore() {
        FileShareCrawler.pipelinedBytes = threshold;
        FileShareCrawler.duringBigRead = p -> { };
    }

    @Test
    void bigLogsAreReadOneAtATimeAndSmallFilesBesideThem() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        StringBuilder bigText = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            bigText.append(AppendedLogTest.line(i));
        }
        for (int f = 0; f < 4; f++) {
            AppendedLogTest.write(logs.resolve("big" + f + ".log"), bigText.toString().replace("81.82.", "10." + f + "."), false, 60);
        }
        for (int f = 0; f < 4; f++) {
            AppendedLogTest.write(logs.resolve("small" + f + ".log"), AppendedLogTest.line(f).replace("81.82.", "172.16."), false, 60);
        }
        FileShareCrawler.pipelinedBytes = bigText.length() / 2;
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> bigSeen = java.util.Collections.synchronizedList(new ArrayList<>());
        // each big read holds its turn a while: without the limit two would overlap
        FileShareCrawler.duringBigRead = p -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            bigSeen.add(p.getFileName().toString());
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
        };
        ScanSummary s = AppendedLogTest.scan(tmp.resolve("data"), logs);
        assertEquals(8, s.scanned(), s.toString());
        int allowed = Math.max(1, FileShareCrawler.EXTRACT_THREADS / 2);
        assertTrue(most.get() >= 1 && most.get() <= allowed, "big reads at once: " + most.get() + ", allowed " + allowed);
        assertEquals(Set.of("big0.log", "big1.log", "big2.log", "big3.log"), new TreeSet<>(bigSeen), "small files are not held");
        Set<String> clients = new TreeSet<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(tmp.resolve("data")).index())) {
            index.forEach(x -> {
                if (x.type().equals("ip_address")) {
                    clients.add(x.container().replaceAll(".*/", "") + " " + x.masked().substring(0, x.masked().indexOf('.')));
                }
            });
        }
        assertTrue(clients.containsAll(List.of("big0.log 10", "big1.log 10", "big2.log 10", "big3.log 10", "small0.log 172",
                "small3.log 172")), clients.toString());
    }
}
