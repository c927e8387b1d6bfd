import org.apache.tika.fork.ForkParser;
import org.apache.tika.fork.ParserFactoryFactory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cost of Tika's out-of-process parsing (ForkParser: parsers in a child JVM, so a parser that
 * crashes or leaks cannot take the scanner down) against parsing in the scanner's own JVM, on the
 * same files in one run. Usage: java -cp target/inzage.jar:OUT ForkBench TIKA_BIN_DIR DOCS_DIR [ROUNDS]
 * (TIKA_BIN_DIR holds the jar the child runs: target/inzage.jar).
 */
public final class ForkBench {

    public static void main(String[] args) throws Exception {
        Path bin = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[1]))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long bytes = 0;
        for (Path p : files) {
            bytes += Files.size(p);
        }
        AutoDetectParser local = new AutoDetectParser();
        long tStart = System.nanoTime();
        try (ForkParser fork = args.length > 3 && args[3].equals("classloader") ? new ForkParser(ForkBench.class.getClassLoader(), new AutoDetectParser())
                : new ForkParser(bin, new ParserFactoryFactory("org.apache.tika.parser.AutoDetectParserFactory", Map.of()))) {
            fork.setPoolSize(1);
            run(fork, files, 1); // starts the child JVM
            long startup = System.nanoTime() - tStart;
            run(local, files, 1); // warm-up
            long l0 = System.nanoTime();
            int lok = run(local, files, rounds);
            long l1 = System.nanoTime();
            int fok = run(fork, files, rounds);
            long f1 = System.nanoTime();
            double ls = (l1 - l0) / 1e9;
            double fs = (f1 - l1) / 1e9;
            System.out.printf("files=%d bytes=%d rounds=%d%n", files.size(), bytes, rounds);
            System.out.printf("in-process: %.2f s (%d parsed)  forked: %.2f s (%d parsed)  child start-up: %.2f s%n", ls, lok, fs, fok,
                    startup / 1e9);
            System.out.printf("forked/in-process time: %.2f%n", fs / ls);
        }
    }

    static int run(Parser p, List<Path> files, int rounds) {
        int ok = 0;
        for (int r = 0; r < rounds; r++) {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    p.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
                    ok++;
                } catch (Exception e) {
                    // counted as not parsed; both modes see the same files
                }
            }
        }
        return ok;
    }
}
