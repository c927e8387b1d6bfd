package be.inzage.cli;

import be.inzage.detect.Rulebook;
import be.inzage.inventory.KeyedHasher;
import be.inzage.subject.AuditLog;
import be.inzage.subject.SubjectHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Lists every location that holds data of a subject, found by any of the identifiers given. Audited.")
final class SearchCommand implements Callable<Integer> {

    @Mixin
    IdentifierOptions identifiers;

    @Option(names = "--json", description = "one JSON object per line")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        Map<String, List<String>> ids = identifiers.toMap();
        Rulebook rules = Rulebook.load(common.rules);
        KeyedHasher hasher = Inventory.hasher(common.dataDir());
        List<SubjectHit> found = Inventory.search(common.dataDir(), rules, hasher, ids, identifiers.hops());
        new AuditLog(common.dataDir().root()).append(Inventory.who(), identifiers.expand ? "search --expand" : "search",
                ids.keySet(), found.size());
        for (SubjectHit h : found) {
            if (json) {
                System.out.println(h.toJson().encode());
            } else {
                Output.print(h.finding(), false);
                if (h.via() != null) {
                    System.out.println("    via " + h.via());
                }
            }
        }
        if (!json) {
            System.out.println(found.size() + " location(s)");
        }
        return 0;
    }
}
