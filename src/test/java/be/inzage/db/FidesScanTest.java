package be.inzage.db;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.detect.TestRules;
import be.inzage.inventory.Finding;
import be.inzage.inventory.InventoryIndex;
import be.inzage.scan.ScanRunner;
import be.inzage.source.SourceUri;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fides example database against its own per-column labels (postgres_example_test_dataset.yml):
 * every column labelled as e-mail or name is found with that type; columns labelled as system data
 * get no strong identifier; the 9-digit "ccn" values are not taken for payment cards.
 */
class FidesScanTest {

    static final String DB = "inzage_test_fides";
    static final Map<String, String> LABEL_TO_TYPE = Map.of("user.contact.email", "email", "user.name", "person_name");
    static final Set<String> STRONG = Set.of("email", "phone", "iban", "bank_account", "payment_card", "national_id_be",
            "national_id_nl");

    @TempDir
    Path tmp;

    static Path shared() {
        return Path.of(System.getenv().getOrDefault("INZAGE_SHARED", "../shared"), "corpus/databases/fides-example");
    }

    List<Finding> scan(String uri) throws Exception {
        Path data = tmp.resolve("data");
        ScanRunner.run(new DataDir(data), Rulebook.load(TestRules.root()), List.of(SourceUri.parse(uri)));
        List<Finding> all = new ArrayList<>();
        try (InventoryIndex index = InventoryIndex.openReader(new DataDir(data).index())) {
            index.forEach(all::add);
        }
        return all;
    }

    @Test
    void postgresLabelledColumnsAreFoundAndSystemColumnsAreClean() throws Exception {
        LocalPostgres.require();
        LocalPostgres.psql("postgres", "drop database if exists " + DB);
        LocalPostgres.psql("postgres", "create database " + DB);
        LocalPostgres.psqlFile(DB, shared().resolve("postgres_sample.sql"));
        check(scan(LocalPostgres.uri(DB, LocalPostgres.USER)), "postgres_example_test_dataset.yml", "public.");
    }

    @Test
    void mariadbLabelledColumnsAreFoundAndSystemColumnsAreClean() throws Exception {
        LocalMysql.require();
        // the example's own users and grants are left out: the test database is all it needs
        String schema = java.nio.file.Files.readString(shared().resolve("mariadb_example_schema.sql")).lines()
                .filter(l -> !l.startsWith("CREATE USER") && !l.startsWith("GRANT") && !l.startsWith("FLUSH PRIVILEGES"))
                .collect(java.util.stream.Collectors.joining("\n")).replace("mariadb_example", DB);
        LocalMysql.run(null, "drop database if exists " + DB);
        LocalMysql.script(null, schema);
        LocalMysql.script(DB, java.nio.file.Files.readString(shared().resolve("mariadb_example_data.sql")));
        check(scan(LocalMysql.uri(DB)), "mariadb_example_test_dataset.yml", DB + ".");
    }

    static void check(List<Finding> all, String dataset, String schema) throws Exception {
        JsonNode labels = new ObjectMapper(new YAMLFactory()).readTree(shared().resolve(dataset).toFile());
        List<String> missed = new ArrayList<>();
        List<String> noisy = new ArrayList<>();
        int checked = 0;
        for (JsonNode collection : labels.path("dataset").get(0).path("collections")) {
            String table = schema + collection.path("name").asText();
            for (JsonNode field : collection.path("fields")) {
                String column = field.path("name").asText();
                List<String> categories = new ArrayList<>();
                field.path("data_categories").forEach(c -> categories.add(c.asText()));
                for (String c : categories) {
                    String type = LABEL_TO_TYPE.get(c);
                    if (type != null) {
                        checked++;
                        if (all.stream().noneMatch(f -> f.container().equals(table) && column.equals(f.field()) && f.type().equals(type))) {
                            missed.add(table + "." + column + " (" + type + ")");
                        }
                    }
                }
                // service_request.email is labelled system.operations but holds customers' e-mail addresses
                // (fides marks it identity: email): finding it is right, so identity columns are not "system" here.
                if (categories.equals(List.of("system.operations")) && field.path("fides_meta").path("identity").isMissingNode()) {
                    all.stream().filter(f -> f.container().equals(table) && column.equals(f.field()) && STRONG.contains(f.type()))
                            .forEach(f -> noisy.add(table + "." + column + " as " + f.type()));
                }
            }
        }
        assertTrue(checked >= 6, "labelled e-mail and name columns: " + checked);
        assertTrue(missed.isEmpty(), "labelled columns not found: " + missed);
        assertTrue(noisy.isEmpty(), "system columns taken for identifiers: " + noisy);
        assertTrue(all.stream().noneMatch(f -> f.type().equals("payment_card")), "9-digit ccn values are not cards");
    }
}
