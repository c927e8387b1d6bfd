package be.inzage.cli;

import be.inzage.detect.Rulebook;
import be.inzage.scan.ScanRunner;
import be.inzage.scan.ScanSummary;
import be.inzage.source.SourceUri;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scans the sources and updates the inventory; prints a summary.",
                "Exit 0 when the scan ran (item failures are counted and listed), 2 when a source cannot be used."})
final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SOURCE",
            description = {"a path or file:///path: a file share or one file;",
                    "log:///path: web logs (a file, a folder or a pattern: log:///var/log/nginx/access.log*, ** across folders;",
                    "  ?format=combined|common|vhost_combined|json|w3c|text); rotated logs keep their findings;",
                    "postgres://user@host:5432/db or mysql://user@host:3306/db: a database",
                    "(?include=, exclude=, views=true, max_rows_per_second=, sample=, full=true, changed_column=);",
                    "rescans read only what changed (README: incremental rescans)"})
    List<String> sources;

    @Mixin
    CommonOptions common;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (sources, limits); see README")
    Path config;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (config != null && !java.nio.file.Files.isRegularFile(config)) {
            throw new Main.UserError("config file not found: " + config);
        }
        HeapPeak heap = Boolean.getBoolean("inzage.stats") ? HeapPeak.start() : null;
        // compiled while Vert.x and the index start; a broken rule still stops the scan before it begins
        Rulebook rules = Rulebook.start(common.rules);
        List<SourceUri> parsed = new ArrayList<>();
        for (String s : sources) {
            SourceUri u = SourceUri.parse(s);
            parsed.add(u);
        }
        for (ScanSummary s : ScanRunner.run(common.dataDir(), rules, parsed)) {
            System.out.print(json ? s.toJson().encode() + System.lineSeparator() : s.toText());
        }
        if (heap != null) {
            // for bench/: the most heap in use at once, sampled (the pools' own peaks fall at different times)
            System.err.printf("peak_heap_mb=%d%n", heap.stop() >> 20);
        }
        return 0;
    }
}
