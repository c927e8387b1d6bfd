package be.inzage.cli;

import be.inzage.subject.AuditLog;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The audit trail of searches, reports and verifications: who, when, identifier types, result counts.",
                "Exit 3 when the trail was tampered with or truncated."})
final class AuditCommand implements Callable<Integer> {

    @Option(names = "--json", description = "one JSON object per line")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        AuditLog log = new AuditLog(common.dataDir().root());
        for (JsonObject e : log.read()) {
            if (json) {
                System.out.println(e.encode());
            } else {
                System.out.printf("%4d %s %-10s %-16s %-30s %d result(s)%n", e.getInteger("seq"), e.getString("time"),
                        e.getString("who"), e.getString("action"), e.getJsonArray("identifierTypes").encode(), e.getInteger("results"));
            }
        }
        String problem = log.check();
        if (problem != null) {
            System.err.println("inzage: " + problem);
            return 3;
        }
        return 0;
    }
}
