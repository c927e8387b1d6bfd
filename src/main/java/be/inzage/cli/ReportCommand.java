package be.inzage.cli;

import be.inzage.detect.Rulebook;
import be.inzage.inventory.KeyedHasher;
import be.inzage.subject.AuditLog;
import be.inzage.subject.LiveReader;
import be.inzage.subject.SubjectHit;
import be.inzage.subject.SubjectReports;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"access: every location of the subject's data with category, purposes, legal basis, retention and the",
                "values read live from the sources; erasure: what to do at each location (no values). Audited."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "access|erasure")
    String kind;

    @Mixin
    IdentifierOptions identifiers;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|html")
    String format;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (!kind.equals("access") && !kind.equals("erasure")) {
            throw new Main.UserError("report kind must be access or erasure, not '" + kind + "'");
        }
        if (!format.equals("json") && !format.equals("html")) {
            throw new Main.UserError("--format must be json or html, not '" + format + "'");
        }
        Map<String, List<String>> ids = identifiers.toMap();
        Rulebook rules = Rulebook.load(common.rules);
        KeyedHasher hasher = Inventory.hasher(common.dataDir());
        List<SubjectHit> hits = Inventory.search(common.dataDir(), rules, hasher, ids, identifiers.hops());
        JsonObject report;
        try (LiveReader live = new LiveReader(rules, hasher)) {
            SubjectReports reports = new SubjectReports(rules.policy(), live);
            report = kind.equals("access") ? reports.access(ids.keySet(), hits) : reports.erasure(ids.keySet(), hits);
        }
        String body = format.equals("html") && kind.equals("access") ? SubjectReports.html(report) : report.encodePrettily();
        Files.writeString(out, body);
        new AuditLog(common.dataDir().root()).append(Inventory.who(), "report " + kind, ids.keySet(), hits.size());
        System.out.println(hits.size() + " location(s) written to " + out);
        return 0;
    }
}
