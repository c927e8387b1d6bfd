import be.inzage.detect.DetectionEngine;
import be.inzage.detect.Rulebook;
import be.inzage.extract.CharsetSniffer;
import be.inzage.extract.TextChunks;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Detection throughput alone (pre-filter, regexes, validators, context; no hashing, no index):
 * reads every file of a folder with the scanner's own charset sniffing and chunking, on N threads.
 * Usage: java -cp target/inzage.jar:bench/out/classes DetectBench CORPUS_DIR THREADS
 */
public class DetectBench {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        DetectionEngine engine = Rulebook.load(Path.of("rules")).engine();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith("jsonl")
                    || !p.getFileName().toString().startsWith("labels")).toList();
        }
        AtomicLong bytes = new AtomicLong();
        AtomicLong found = new AtomicLong();
        // warm-up on the first files so the JIT has compiled the hot loops
        for (Path p : files.subList(0, Math.min(50, files.size()))) {
            scan(engine, p, new AtomicLong(), new AtomicLong());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // pass 1 is what a scan of this corpus gets (the JIT still compiling on the same cores); with
        // -Dpasses=2 the second pass shows the compiled code's throughput, as on a large share
        int passes = Integer.getInteger("passes", 1);
        for (int pass = 1; pass <= passes; pass++) {
            bytes.set(0);
            found.set(0);
            long t0 = System.nanoTime();
            List<Future<Object>> fs = files.stream().map(p -> pool.submit(() -> {
                scan(engine, p, bytes, found);
                return null;
            })).toList();
            for (Future<Object> f : fs) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%sdetect_bytes=%d detect_seconds=%.3f detect_mb_s=%.1f detections=%d files=%d%n",
                    pass == 1 ? "" : "pass" + pass + "_", bytes.get(), secs, bytes.get() / 1e6 / secs, found.get(), files.size());
        }
        pool.shutdown();
    }

    static void scan(DetectionEngine engine, Path p, AtomicLong bytes, AtomicLong found) throws Exception {
        byte[] all = Files.readAllBytes(p);
        CharsetSniffer.Sniffed s = CharsetSniffer.sniff(all, Math.min(all.length, CharsetSniffer.SAMPLE));
        if (s.binary()) {
            return;
        }
        Reader r = new InputStreamReader(new java.io.ByteArrayInputStream(all, s.bomLength(), all.length - s.bomLength()),
                s.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE));
        TextChunks.read(r, (chunk, line, overlap) -> found.addAndGet(engine.detect(chunk).size()));
        bytes.addAndGet(all.length);
    }
}
