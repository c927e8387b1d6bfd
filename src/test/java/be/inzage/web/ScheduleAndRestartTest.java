package be.inzage.web;

import be.inzage.serve.ScanRuns;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduled runs with a controlled clock, and runs cut short by a crash being restarted. */
class ScheduleAndRestartTest {

    static ScanRuns.Run awaitEnd(InzageServer s, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ScanRuns.Run r = s.runs().get(id);
            if (r != null && !r.active()) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    @Test
    void aOneMinuteScheduleRunsOncePerMinute() throws Exception {
        try (TestServer t = TestServer.start("""
                  - name: every-minute
                    uri: %s
                    schedule: "* * * * *"
                """.formatted(Files.createTempDirectory("inzage-sched")))) {
            InzageServer s = t.server;
            Instant next = s.scheduler().nextRun("every-minute");
            assertNotNull(next);
            assertEquals(0, s.scheduler().tick(next.minusSeconds(1)), "not due yet");
            assertEquals(1, s.scheduler().tick(next), "due at the minute");
            assertEquals(0, s.scheduler().tick(next.plusSeconds(30)), "not twice in the same minute");
            ScanRuns.Run first = s.runs().active("every-minute");
            awaitEnd(s, first == null ? s.runs().last("every-minute").id() : first.id());
            assertEquals(1, s.scheduler().tick(next.plus(1, ChronoUnit.MINUTES)), "due again a minute later");
            awaitEnd(s, s.runs().last("every-minute").id());
            List<ScanRuns.Run> runs = s.runs().recent().stream().filter(r -> r.source().equals("every-minute")).toList();
            assertEquals(2, runs.size());
            for (ScanRuns.Run r : runs) {
                assertEquals("completed", r.state());
                assertEquals("schedule", r.toJson().getString("trigger"));
            }
            assertEquals(0, s.runs().recent().stream().filter(r -> r.source().equals("share")).count(),
                    "a source without a schedule is not started by the clock");
        }
    }

    @Test
    void aShutdownDuringAScanLeavesItToBeStartedAgain() throws Exception {
        Path root;
        String id;
        try (TestServer first = TestServer.start(null)) {
            root = first.root;
            for (int i = 0; i < 400; i++) {
                Files.writeString(first.share.resolve("bulk-" + i + ".txt"), "klant" + i + "@example.be, tel 0475 12 34 " + (10 + i % 90) + "\n");
            }
            id = first.server.runs().submit("share", "manual").id();
            first.server.close(0); // no grace: the scan cannot finish
        }
        JsonObject saved = new JsonObject(Files.readString(root.resolve("data/runs/" + id + ".json")));
        assertTrue(List.of("running", "interrupted").contains(saved.getString("state")), saved.encode());
        try (TestServer again = TestServer.reopen(root)) {
            assertEquals("interrupted", again.server.runs().get(id).state());
            ScanRuns.Run restarted = again.server.runs().recent().stream()
                    .filter(r -> r.toJson().getString("trigger").equals("restart")).findFirst().orElseThrow();
            ScanRuns.Run done = awaitEnd(again.server, restarted.id());
            assertEquals("completed", done.state());
            assertEquals(403L, done.toJson().getJsonObject("progress").getLong("itemsDone"), "the whole share, scanned again");
        }
        try (TestServer third = TestServer.reopen(root)) {
            assertEquals(0, third.server.runs().recent().stream().filter(ScanRuns.Run::active).count(),
                    "a run restarted once is not restarted again");
        }
    }

    @Test
    void aRunInterruptedByACrashIsMarkedAndStartedAgain() throws Exception {
        Path runs;
        try (TestServer first = TestServer.start(null)) {
            runs = first.data.root().resolve("runs");
            // what a crash leaves behind: a run record still saying "running"
            Files.createDirectories(runs);
            Files.writeString(runs.resolve("crashed-run.json"), new JsonObject().put("id", "crashed-run").put("source", "share")
                    .put("uri", first.share.toUri().toString()).put("trigger", "manual").put("state", "running")
                    .put("queuedAt", Instant.now().minusSeconds(60).toString())
                    .put("startedAt", Instant.now().minusSeconds(59).toString()).encode());
        }
        // a second server on the same data directory (the first one is closed, as after a crash and a restart)
        try (TestServer again = TestServer.reopen(runs.getParent().getParent())) {
            ScanRuns.Run crashed = again.server.runs().get("crashed-run");
            assertEquals("interrupted", crashed.state());
            assertTrue(crashed.toJson().getString("error").contains("interrupted"));
            ScanRuns.Run restarted = again.server.runs().recent().stream()
                    .filter(r -> r.toJson().getString("trigger").equals("restart")).findFirst().orElseThrow();
            assertEquals("completed", awaitEnd(again.server, restarted.id()).state());
            JsonObject saved = new JsonObject(Files.readString(runs.resolve("crashed-run.json")));
            assertEquals("interrupted", saved.getString("state"), "the interruption is saved with the run");
        }
    }
}
