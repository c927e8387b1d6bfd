package be.inzage.cli;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Scans the bundled sample share, searches a subject three ways and checks the inventory holds no plaintext.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "where to keep the demo inventory (default: a new temporary folder)")
    Path data;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("inzage-demo");
        Path share = work.resolve("share");
        copyBundledShare(share);
        DataDir dir = new DataDir(data != null ? data : work.resolve("data"));
        Rulebook rules = Rulebook.load(null);

        System.out.println("== 1. Scan the sample share " + share);
        for (ScanSummary s : ScanRunner.run(dir, rules, List.of(SourceUri.parse(share.toString())))) {
            System.out.print(s.toText());
        }
        KeyedHasher hasher = KeyedHasher.open(dir.keyFile());
        try (InventoryIndex index = InventoryIndex.openReader(dir.index())) {
            SubjectSearch search = new SubjectSearch(index, hasher, new IdentifierNormalizer(rules.engine()));
            show(search, "2. Search --value jan.peeters@example.be (also written in capitals in the CRM export)",
                    Map.of("value", List.of("jan.peeters@example.be")));
            show(search, "3. Search --phone \"+32 470 12 34 56\" (written 0470/12.34.56, 0032 470 ... elsewhere)",
                    Map.of("phone", List.of("+32 470 12 34 56")));
            show(search, "4. Search --iban \"be71096123456769\" (spacing and case do not matter)",
                    Map.of("iban", List.of("be71096123456769")));
            System.out.println();
            System.out.println("== 5. Inventory size: " + index.count() + " findings");
        }
        List<String> planted = List.of("jan.peeters@example.be", "BE71 0961 2345 6769", "BE71096123456769", "+32470123456",
                "85.07.30-033.28", "85073003328", "4111111111111111", "marie-claire.dubois@exemple.fr");
        long leaks = countPlaintext(dir.root(), planted);
        System.out.println("== 6. Plaintext check: " + (leaks == 0
                ? "none of the sample identifiers appears in plain text under " + dir.root()
                : leaks + " file(s) under " + dir.root() + " contain a sample identifier in plain text!"));
        System.out.println();
        System.out.println("Try it yourself: java -jar target/inzage.jar search --data " + dir.root() + " --value 0486/12.34.56");
        return leaks == 0 ? 0 : 1;
    }

    private static void show(SubjectSearch search, String title, Map<String, List<String>> ids) throws IOException {
        System.out.println();
        System.out.println("== " + title);
        List<Finding> found = search.search(ids);
        for (Finding f : found) {
            Output.print(f, false);
        }
        System.out.println(found.size() + " location(s)");
    }

    private static void copyBundledShare(Path target) throws IOException, URISyntaxException {
        URI uri = DemoCommand.class.getResource("/demo/share").toURI();
        if ("jar".equals(uri.getScheme())) {
            try {
                FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                FileSystems.newFileSystem(uri, Map.of());
            }
        }
        Path src = Path.of(uri);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path dst = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst);
                }
            }
        }
    }

    /** Greps every file of the data directory for the sample values, as bytes. */
    static long countPlaintext(Path root, List<String> values) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                try {
                    String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    return values.stream().anyMatch(content::contains);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
