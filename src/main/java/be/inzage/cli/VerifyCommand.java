package be.inzage.cli;

import be.inzage.detect.Rulebook;
import be.inzage.inventory.Finding;
import be.inzage.inventory.KeyedHasher;
import be.inzage.subject.AuditLog;
import be.inzage.subject.LiveReader;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Reads every location of an erasure plan again and prints what is still there.",
                "Exit 0 only when nothing remains, 1 when something does."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN_FILE")
    Path plan;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        JsonObject p;
        try {
            p = new JsonObject(Files.readString(plan));
        } catch (Exception e) {
            throw new Main.UserError("not an erasure plan: " + plan);
        }
        if (!"erasure".equals(p.getString("report"))) {
            throw new Main.UserError("not an erasure plan: " + plan);
        }
        Rulebook rules = Rulebook.load(common.rules);
        KeyedHasher hasher = Inventory.hasher(common.dataDir());
        List<String> remaining = new ArrayList<>();
        try (LiveReader live = new LiveReader(rules, hasher)) {
        for (Object o : p.getJsonArray("locations")) {
            JsonObject l = (JsonObject) o;
            String part = l.getJsonObject("locator").getString("part");
            JsonObject loc = l.getJsonObject("locator");
            String rows = loc.containsKey("pk") ? new io.vertx.core.json.JsonArray().add(loc.getJsonObject("pk")).encode()
                    : loc.containsKey("rows") ? loc.getJsonArray("rows").encode() : "";
            Finding f = new Finding("", l.getString("source"), l.getString("kind"), l.getString("container"), part,
                    loc.getString("column"), l.getString("type"), l.getString("category"), l.getString("risk"), 0,
                    l.getString("masked"), l.getString("hash"), List.of(), "", 0, List.of(), "", 0, rows);
            LiveReader.Live now = live.read(f);
            if (!now.values().isEmpty()) {
                remaining.add(l.getString("type") + " " + l.getString("masked") + " still in " + l.getString("container")
                        + (part == null ? "" : "!/" + part));
            } else if (now.unavailable() != null && !now.unavailable().equals("the file no longer exists")) {
                remaining.add("cannot check " + l.getString("container") + ": " + now.unavailable());
            }
        }
        }
        new AuditLog(common.dataDir().root()).append(Inventory.who(), "verify", List.of(), remaining.size());
        remaining.forEach(System.out::println);
        System.out.println(remaining.isEmpty() ? "nothing remains at the " + p.getJsonArray("locations").size()
                + " location(s) of the plan" : remaining.size() + " location(s) still hold the subject's data");
        return remaining.isEmpty() ? 0 : 1;
    }
}
