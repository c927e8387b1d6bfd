package be.inzage.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static be.inzage.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access report with live values, erasure plan and its verification, and the audit trail, end to end on a file share. */
class SubjectRequestTest {

    @TempDir
    Path tmp;

    @Test
    void accessEraseVerifyAudit() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("crm.csv"), "naam;email;telefoon\nJan Peeters;jan.peeters@example.be;0475/12.34.56\n"
                + "Jan Peeters;jan.peeters.other@example.be;0486 11 22 33\n");
        Files.writeString(share.resolve("brief.txt"), "Beste,\nmail jan.peeters@example.be of bel 0475 12 34 56.\n");
        Files.writeString(share.resolve("<img src=x onerror=alert(1)>.txt"), "cc: JAN.PEETERS@example.be\n");
        String data = CliTest.scanned(share);

        Path access = tmp.resolve("access.json");
        CliTest.Run r = run("report", "access", "--email", "jan.peeters@example.be", "--out", access.toString(), "--data", data,
                "--rules", "rules");
        assertEquals(0, r.code(), r.err());
        JsonArray locs = new JsonObject(Files.readString(access)).getJsonArray("locations");
        assertEquals(3, locs.size(), locs.encodePrettily());
        for (Object o : locs) {
            JsonObject l = (JsonObject) o;
            assertEquals(List.of("jan.peeters@example.be"), l.getJsonArray("values").getList(), "the value, read live");
            assertFalse(l.getJsonArray("purposes").isEmpty());
            assertTrue(l.getJsonArray("purposes").getJsonObject(0).containsKey("retention"));
        }
        assertFalse(Files.readString(access).contains("other@"), "a look-alike subject never appears");

        Path html = tmp.resolve("access.html");
        assertEquals(0, run("report", "access", "--email", "jan.peeters@example.be", "--format", "html", "--out", html.toString(),
                "--data", data, "--rules", "rules").code());
        String page = Files.readString(html);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;.txt") && !page.contains("<img"), "names from data are escaped");

        Path plan = tmp.resolve("plan.json");
        assertEquals(0, run("report", "erasure", "--email", "jan.peeters@example.be", "--out", plan.toString(), "--data", data,
                "--rules", "rules").code());
        assertFalse(Files.readString(plan).contains("jan.peeters@example.be"), "a plan carries no values");
        CliTest.Run v1 = run("verify", plan.toString(), "--data", data, "--rules", "rules");
        assertEquals(1, v1.code());
        assertTrue(v1.out().contains("3 location(s) still hold"), v1.out());

        // erase all but one copy: verify names the one left
        Files.delete(share.resolve("brief.txt"));
        Files.delete(share.resolve("<img src=x onerror=alert(1)>.txt"));
        CliTest.Run v2 = run("verify", plan.toString(), "--data", data, "--rules", "rules");
        assertEquals(1, v2.code());
        assertTrue(v2.out().contains("crm.csv") && v2.out().contains("1 location(s) still hold"), v2.out());
        Files.writeString(share.resolve("crm.csv"), "naam;email;telefoon\nJan Peeters;jan.peeters.other@example.be;0486 11 22 33\n");
        CliTest.Run v3 = run("verify", plan.toString(), "--data", data, "--rules", "rules");
        assertEquals(0, v3.code(), v3.out());

        CliTest.Run audit = run("audit", "--json", "--data", data);
        assertEquals(0, audit.code(), audit.err());
        List<JsonObject> entries = audit.out().lines().map(JsonObject::new).toList();
        assertEquals(List.of("report access", "report access", "report erasure", "verify", "verify", "verify"),
                entries.stream().map(e -> e.getString("action")).toList());
        assertEquals(List.of("email"), entries.get(0).getJsonArray("identifierTypes").getList());
        assertFalse(audit.out().contains("jan.peeters"), "the trail holds types and counts, never values");

        Path log = tmp.resolve("data/audit.log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.writeString(log, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        CliTest.Run truncated = run("audit", "--data", data);
        assertEquals(3, truncated.code());
        assertTrue(truncated.err().contains("truncated"), truncated.err());
        Files.writeString(log, String.join("\n", lines).replace("\"results\":3", "\"results\":0") + "\n");
        CliTest.Run edited = run("audit", "--data", data);
        assertEquals(3, edited.code());
        assertTrue(edited.err().contains("changed"), edited.err());
    }
}
