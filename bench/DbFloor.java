import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under a database inventory scan: the parts no design of Inzage can leave out, each
 * timed alone, warm, with nothing else running, on the same table as bench/database.sh.
 * <ol>
 * <li>fetch: every row through vertx-pg-client's or vertx-mysql-client's cursor (the clients the
 *     stack prescribes), each value read as text, inside a read-only transaction, 500 rows per read
 *     as the crawler does;</li>
 * <li>hash: HMAC-SHA256 of the e-mail, phone and IP of every row (the three values of the table
 *     that are distinct per row), on 2 threads;</li>
 * <li>index: one Lucene document per row holding only those three 16-byte hashes as terms, no
 *     stored field, no row locator, on 2 threads, then commit.</li>
 * </ol>
 * Each phase is timed as wall time and as the process's CPU time: on 2 cores, the CPU seconds
 * over 2 are a floor on the wall time of any design that does the same work.
 * Usage: java -cp target/inzage.jar:bench/out/classes DbFloor pg|mysql HOST PORT DB USER TABLE
 */
public class DbFloor {
    public static void main(String[] a) throws Exception {
        boolean pg = a[0].equals("pg");
        String host = a[1];
        int port = Integer.parseInt(a[2]);
        String db = a[3];
        String user = a[4];
        String table = a[5];
        Vertx vertx = Vertx.vertx();
        List<String[]> values = new ArrayList<>();
        double fetch = Double.MAX_VALUE;
        double fetchCpu = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) { // the first round warms the JIT; the best counts
            values.clear();
            long t0 = System.nanoTime();
            long c0 = cpu();
            SqlConnection conn = pg
                    ? PgConnection.connect(vertx, new PgConnectOptions().setHost(host).setPort(port).setDatabase(db).setUser(user)).await()
                    : MySQLConnection.connect(vertx, new MySQLConnectOptions().setHost(host).setPort(port).setDatabase(db).setUser(user)).await();
            conn.query("start transaction read only").execute().await();
            Cursor c = conn.prepare("select * from " + table).await().cursor();
            AtomicLong rows = new AtomicLong();
            readAll(c, values, rows).await();
            conn.query("rollback").execute().await();
            conn.close().await();
            fetch = Math.min(fetch, (System.nanoTime() - t0) / 1e9);
            fetchCpu = Math.min(fetchCpu, (cpu() - c0) / 1e9);
        }
        int n = values.size();

        byte[][][] hashes = new byte[n][3][];
        double hash = Double.MAX_VALUE;
        double hashCpu = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            Thread[] ts = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int part = t;
                ts[t] = new Thread(() -> {
                    try {
                        Mac m = Mac.getInstance("HmacSHA256");
                        m.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
                        for (int i = part; i < n; i += 2) {
                            for (int k = 0; k < 3; k++) {
                                byte[] h = m.doFinal(values.get(i)[k].getBytes(StandardCharsets.UTF_8));
                                hashes[i][k] = java.util.Arrays.copyOf(h, 16);
                            }
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            hash = Math.min(hash, (System.nanoTime() - t0) / 1e9);
            hashCpu = Math.min(hashCpu, (cpu() - c0) / 1e9);
        }

        double index = Double.MAX_VALUE;
        double indexCpu = Double.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            Path dir = Files.createTempDirectory("dbfloor");
            long t0 = System.nanoTime();
            long c0 = cpu();
            IndexWriterConfig cfg = new IndexWriterConfig().setRAMBufferSizeMB(Double.parseDouble(System.getProperty("ram", "64"))).setUseCompoundFile(false);
            try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), cfg)) {
                Thread[] ts = new Thread[2];
                for (int t = 0; t < 2; t++) {
                    int part = t;
                    ts[t] = new Thread(() -> {
                        try {
                            for (int i = part; i < n; i += 2) {
                                Document d = new Document();
                                for (int k = 0; k < 3; k++) {
                                    d.add(new StringField("h", new BytesRef(hashes[i][k]), Field.Store.NO));
                                }
                                w.addDocument(d);
                            }
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    });
                    ts[t].start();
                }
                for (Thread t : ts) {
                    t.join();
                }
                w.commit();
            }
            index = Math.min(index, (System.nanoTime() - t0) / 1e9);
            indexCpu = Math.min(indexCpu, (cpu() - c0) / 1e9);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        vertx.close().await();
        double wall = fetch + hash + index;
        double cpu = fetchCpu + hashCpu + indexCpu;
        System.out.printf("rows=%d fetch_s=%.3f hash_s=%.3f index_s=%.3f floor_s=%.3f floor_rows_s=%.0f"
                        + " fetch_cpu_s=%.3f hash_cpu_s=%.3f index_cpu_s=%.3f cpu_s=%.3f%n",
                n, fetch, hash, index, wall, n / wall, fetchCpu, hashCpu, indexCpu, cpu);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One read at a time from this thread, as the crawler hands each batch to a worker. */
    private static Future<Void> readAll(Cursor c, List<String[]> values, AtomicLong rows) {
        do {
            keep(c.read(500).await(), values);
        } while (c.hasMore());
        return c.close();
    }

    private static void keep(RowSet<Row> rs, List<String[]> values) {
        for (Row r : rs) {
            String[] v = new String[3];
            for (int i = 0; i < r.size(); i++) {
                Object x = r.getValue(i);
                String s = x == null ? "" : x.toString();
                switch (r.getColumnName(i)) {
                    case "email" -> v[0] = s;
                    case "phone" -> v[1] = s;
                    case "ip" -> v[2] = s;
                    default -> { }
                }
            }
            values.add(v);
        }
    }
}
