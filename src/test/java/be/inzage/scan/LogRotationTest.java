package be.inzage.scan;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.source.SourceUri;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static be.inzage.scan.AppendedLogTest.fullRead;
import static be.inzage.scan.AppendedLogTest.inventory;
import static be.inzage.scan.AppendedLogTest.lines;
import static be.inzage.scan.AppendedLogTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotated logs (logrotate: access.log to access.log.1, then compressed to access.log.2.gz) take their
 * findings to their new path instead of being read again, and leave the inventory a read of the
 * whole folder gives; log sources given as a pattern take only the files it matches.
 */
class LogRotationTest {

    @TempDir
    Path tmp;

    static ScanSummary scan(Path data, String source) throws Exception {
        return ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse(source))).get(0);
    }

    /** logrotate's compress step: the .gz keeps the time of the file it replaces. */
    static void gzip(Path from, Path to) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
        Files.setLastModifiedTime(to, Files.getLastModifiedTime(from));
        Files.delete(from);
    }

    /** The "renamed" part of a scan record: {logs, findings}, or null. */
    static JsonObject renamed(ScanSummary s) {
        return s.toJson().getJsonObject("renamed");
    }

    @Test
    void logrotateWithDelayedCompressionMovesFindingsAlongEveryDay() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path log = logs.resolve("access.log");
        Path data = tmp.resolve("data");
        write(log, lines(1, 400), false, 300);
        assertNull(renamed(scan(data, "log://" + logs)));

        // day 1: lines written after that scan, then access.log renamed to access.log.1 and a new one created
        write(log, lines(401, 450), true, 240);
        Files.move(log, logs.resolve("access.log.1"));
        write(log, lines(1000, 1100), false, 230);
        ScanSummary day1 = scan(data, "log://" + logs);
        assertEquals(1, renamed(day1).getInteger("logs"), day1.toText());
        assertEquals(1L, day1.toJson().getJsonObject("appended").getLong("logs"), "access.log.1 read on from line 401: " + day1.toText());
        assertTrue(day1.toText().contains("renamed: 1 log(s) found at a new path"), day1.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));

        // day 2: access.log.1 compressed to access.log.2.gz, access.log to access.log.1, a new access.log
        gzip(logs.resolve("access.log.1"), logs.resolve("access.log.2.gz"));
        Files.move(log, logs.resolve("access.log.1"));
        write(log, lines(2000, 2050), false, 120);
        ScanSummary day2 = scan(data, "log://" + logs);
        assertEquals(2, renamed(day2).getInteger("logs"), day2.toText());
        assertEquals(2, day2.unchanged(), "both rotated logs are found unchanged where they are now: " + day2.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));

        // day 3: every file one further; the oldest only renamed (.2.gz to .3.gz)
        Files.move(logs.resolve("access.log.2.gz"), logs.resolve("access.log.3.gz"));
        gzip(logs.resolve("access.log.1"), logs.resolve("access.log.2.gz"));
        Files.move(log, logs.resolve("access.log.1"));
        write(log, lines(3000, 3010), false, 60);
        ScanSummary day3 = scan(data, "log://" + logs);
        assertEquals(3, renamed(day3).getInteger("logs"), day3.toText());
        assertEquals(3, day3.unchanged(), day3.toText());
        assertEquals(1, day3.scanned(), "only the new access.log is read: " + day3.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));

        // a value of the first day's lines is found in the file that holds them now, at the same lines
        Finding first = AppendedLogTest.search(data, "login", "user0").stream()
                .filter(f -> f.container().endsWith("access.log.3.gz")).findFirst().orElseThrow();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 450).filter(i -> i % 15 == 0).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",")), first.lines(), "user0 is on every 15th line of the first day");

        // an access report reads it live from the compressed log, and an erasure check can tell it is still there
        try (be.inzage.subject.LiveReader live = new be.inzage.subject.LiveReader(Rulebook.load(TestRules.root()),
                be.inzage.inventory.KeyedHasher.open(new DataDir(data).keyFile()))) {
            be.inzage.subject.LiveReader.Live now = live.read(first);
            assertNull(now.unavailable());
            assertEquals(java.util.Set.of("user0"), now.values());
        }

        // nothing moved since: nothing renamed, everything unchanged
        ScanSummary again = scan(data, "log://" + logs);
        assertNull(renamed(again), again.toText());
        assertEquals(4, again.unchanged(), again.toText());
    }

    @Test
    void compressedWithoutDelayOrRewrittenLogsAreReadWhole() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path log = logs.resolve("access.log");
        Path data = tmp.resolve("data");
        write(log, lines(1, 300), false, 300);
        write(logs.resolve("error.log"), lines(5000, 5100), false, 300);
        scan(data, "log://" + logs);

        // compressed at once, with lines written after the scan: not what was read, so read whole
        write(log, lines(301, 320), true, 200);
        gzip(log, logs.resolve("access.log.1.gz"));
        // the two others swapped: a cycle, read whole
        Files.move(logs.resolve("error.log"), logs.resolve("tmp"));
        write(log, lines(6000, 6050), false, 190);
        Files.move(logs.resolve("tmp"), logs.resolve("access.log.2"));
        ScanSummary s = scan(data, "log://" + logs);
        assertEquals(1, renamed(s).getInteger("logs"), "only error.log, now access.log.2, moved: " + s.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));

        // swapped: each path holds the other's content; neither move can go first, both are read whole
        Files.move(logs.resolve("access.log"), logs.resolve("tmp"));
        Files.move(logs.resolve("access.log.2"), logs.resolve("access.log"));
        Files.move(logs.resolve("tmp"), logs.resolve("access.log.2"));
        ScanSummary swapped = scan(data, "log://" + logs);
        assertNull(renamed(swapped), swapped.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));
    }

    @Test
    void copytruncateAndOlddirRotationsAreFollowedToo() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path old = Files.createDirectories(logs.resolve("old"));
        Path log = logs.resolve("access.log");
        Path data = tmp.resolve("data");
        write(log, lines(1, 300), false, 300);
        scan(data, "log://" + logs);

        // copytruncate: copied (a new time) with the lines written since, then emptied and written on
        write(log, lines(301, 330), true, 200);
        Files.copy(log, logs.resolve("access.log.1"));
        write(log, lines(700, 720), false, 190);
        ScanSummary copied = scan(data, "log://" + logs);
        assertEquals(1, renamed(copied).getInteger("logs"), copied.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));

        // olddir: the rotated log goes to another folder of the source, compressed
        gzip(logs.resolve("access.log.1"), old.resolve("access.log.2.gz"));
        ScanSummary moved = scan(data, "log://" + logs);
        assertEquals(1, renamed(moved).getInteger("logs"), moved.toText());
        assertEquals(2, moved.unchanged(), moved.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));
    }

    @Test
    void aLogRememberedByTheLastVersionIsStillReadOnFromWhereItStopped() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path log = logs.resolve("access.log");
        Path data = tmp.resolve("data");
        write(log, lines(1, 200), false, 300);
        scan(data, "log://" + logs);
        // the state as session 7 wrote it: a resume point, neither path nor container id; findings under the path's id
        String source = SourceUri.parse("log://" + logs).id();
        String item = Finding.itemId(source, log.toString());
        try (be.inzage.inventory.InventoryIndex index = be.inzage.inventory.InventoryIndex.openWriter(new DataDir(data).index())) {
            be.inzage.inventory.InventoryIndex.Resume r = index.resume(item);
            be.inzage.inventory.InventoryIndex.ItemState st = index.state(item);
            java.util.List<Finding> all = new java.util.ArrayList<>();
            index.forEach(all::add);
            String pathCid = new be.inzage.extract.ItemRef(source, "log://" + logs, "log", log.toString(), null).cid();
            java.util.List<Finding> moved = new java.util.ArrayList<>();
            for (Finding f : all) {
                moved.add(new Finding(f.sourceId(), f.source(), f.kind(), f.container(), f.part(), f.field(), f.type(), f.category(),
                        f.risk(), f.confidence(), f.masked(), f.hash(), f.aliases(), f.lines(), f.count(), f.records().stream()
                        .map(x -> x.replace(r.cid(), pathCid)).toList(), pathCid, f.segment(), f.rows(), f.firstSeen(), f.lastSeen()));
            }
            index.replace(r.cid(), java.util.List.of(), 1, true);
            index.replace(pathCid, moved, 1, true);
            index.remember(item, source, st, 1, new be.inzage.inventory.InventoryIndex.Resume(r.point(), null, null));
            index.commit();
        }
        write(log, lines(201, 260), true, 200);
        ScanSummary grown = scan(data, "log://" + logs);
        assertEquals(1L, grown.toJson().getJsonObject("appended").getLong("logs"), grown.toText());
        assertSame(fullRead(tmp, data, logs), inventory(data));
    }

    @Test
    void aPatternTakesOnlyTheFilesItMatches() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        write(logs.resolve("access.log"), lines(1, 50), false, 60);
        write(logs.resolve("access.log.1"), lines(51, 80), false, 60);
        write(logs.resolve("error.log"), lines(100, 120), false, 60);
        write(Files.createDirectories(logs.resolve("old")).resolve("access.log.9"), lines(200, 210), false, 60);
        Path data = tmp.resolve("data");

        ScanSummary flat = scan(data, "log://" + logs + "/access.log*");
        assertEquals(2, flat.seen(), flat.toText());
        assertEquals(List.of(logs + "/access.log", logs + "/access.log.1"), containers(data, "log://" + logs + "/access.log*"));

        // ** crosses folders, and "**/" also matches none
        ScanSummary deep = scan(data, "log://" + logs + "/**/access.log*");
        assertEquals(3, deep.seen(), deep.toText());

        // character classes and alternatives are typed as they are, though a URI may not hold them
        ScanSummary classes = scan(tmp.resolve("data2"), "log://" + logs + "/{access,error}.log");
        assertEquals(2, classes.seen(), classes.toText());
        ScanSummary rotated = scan(tmp.resolve("data3"), "log://" + logs + "/access.log.[0-9]");
        assertEquals(1, rotated.seen(), rotated.toText());
        // '?' is a wildcard too; the query starts at "?key="
        assertEquals(1, scan(tmp.resolve("data3q"), "log://" + logs + "/access.log.?").seen());
        assertEquals(1, scan(tmp.resolve("data3f"), "log://" + logs + "/access.log.??format=combined").seen());
        assertEquals(2, scan(tmp.resolve("data3a"), "log://" + logs + "/a?cess.log*?format=combined").seen());

        // renamed out of the pattern: gone from the source, not followed
        Files.move(logs.resolve("access.log.1"), logs.resolve("error.log.1"));
        ScanSummary after = scan(data, "log://" + logs + "/access.log*");
        assertNull(renamed(after), after.toText());
        assertEquals(List.of(logs + "/access.log"), containers(data, "log://" + logs + "/access.log*"));

        // a folder whose name only looks like a pattern is that folder, alone or under a pattern
        Path bracketed = Files.createDirectories(tmp.resolve("app[2024]"));
        write(bracketed.resolve("access.log"), lines(300, 310), false, 60);
        write(bracketed.resolve("access.log.1"), lines(311, 320), false, 60);
        assertEquals(2, scan(tmp.resolve("data4"), "log://" + bracketed).seen());
        assertEquals(1, scan(tmp.resolve("data5"), "log://" + bracketed + "/access.log").seen());
        assertEquals(1, scan(tmp.resolve("data6"), "log://" + bracketed + "/*.1").seen());
        assertEquals(2, scan(tmp.resolve("data7"), "log://" + tmp + "/app*2024*/access.log*").seen(),
                "a pattern that is not an existing folder is still a pattern");

        SourceUri.BadSource none = assertThrows(SourceUri.BadSource.class, () -> SourceUri.parse("log://" + logs + "/nginx*.log"));
        assertEquals("no file matches " + logs + "/nginx*.log", none.getMessage());
        SourceUri.BadSource missing = assertThrows(SourceUri.BadSource.class, () -> SourceUri.parse("log://" + tmp + "/nope/*.log"));
        assertEquals("source not found: " + tmp + "/nope", missing.getMessage());
    }

    /** The inventory a read of the whole folder gives; on failure, only the findings that differ are shown. */
    static void assertSame(java.util.Set<String> whole, java.util.Set<String> actual) {
        java.util.Set<String> missing = new java.util.TreeSet<>(whole);
        missing.removeAll(actual);
        java.util.Set<String> extra = new java.util.TreeSet<>(actual);
        extra.removeAll(whole);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing.size() + ": " + String.join("\n", missing).replaceAll(
                "\\[[^]]*]", "[..]") + "\nextra " + extra.size() + ": " + String.join("\n", extra).replaceAll("\\[[^]]*]", "[..]"));
    }

    /** The files a source's findings sit in. */
    static List<String> containers(Path data, String source) throws Exception {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (be.inzage.inventory.InventoryIndex index = be.inzage.inventory.InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(f -> {
                if (f.source().equals(source)) {
                    out.add(f.container());
                }
            });
        }
        return List.copyOf(out);
    }
}
