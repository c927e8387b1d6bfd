package be.inzage.inventory;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The keyed hash is HMAC-SHA256 exactly, for any key length and message, from any number of threads. */
class KeyedHasherTest {

    @Test
    void theSameBytesAsTheJdksHmacForKeysAndMessagesOfEveryLength() throws Exception {
        Random rnd = new Random(17);
        for (int keyLength : new int[] {32, 63, 64, 65, 100, 200}) {
            byte[] key = new byte[keyLength];
            rnd.nextBytes(key);
            KeyedHasher hasher = new KeyedHasher(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int n : new int[] {0, 1, 20, 55, 56, 63, 64, 65, 119, 128, 1000}) {
                byte[] message = new byte[n];
                rnd.nextBytes(message);
                assertArrayEquals(mac.doFinal(message), hasher.hmac(message), keyLength + "-byte key, " + n + "-byte message");
            }
            String value = "jan.peeters@example.be";
            byte[] expected = java.util.Arrays.copyOf(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), KeyedHasher.LENGTH);
            assertEquals(KeyedHasher.text(expected), hasher.hash(value));
        }
    }

    @Test
    void threadsHashingAtOnceGetWhatOneThreadGets() throws Exception {
        KeyedHasher hasher = new KeyedHasher(new byte[32]);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            expected.add(hasher.hash("10.0." + i / 256 + "." + i % 256));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        got.add(hasher.hash("10.0." + i / 256 + "." + i % 256));
                    }
                    return got;
                }));
            }
            for (Future<List<String>> r : runs) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A hash's text reads back as the bytes it spells; a text no hash is spelt as reads back as null. */
    @Test
    void aHashsTextReadsBackAsItsBytesAndOtherTextAsNull() {
        KeyedHasher h = new KeyedHasher(new byte[32]);
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = h.hashBytes("v" + r.nextLong());
            assertArrayEquals(b, KeyedHasher.bytes(KeyedHasher.text(b)));
        }
        String ok = KeyedHasher.text(h.hashBytes("x"));
        assertEquals(16, ok.length());
        for (String bad : new String[] {ok.substring(1), ok + "A", "+" + ok.substring(1), ok.substring(0, 15) + "/",
                ok.substring(0, 15) + "=", ok.substring(0, 8) + "\u00e9" + ok.substring(9), ok.substring(0, 8) + " " + ok.substring(9)}) {
            assertNull(KeyedHasher.bytes(bad), bad);
        }
    }
}
