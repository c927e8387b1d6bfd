package be.inzage.detect;

import be.inzage.classify.Policy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Detectors plus policy, loaded from one rules folder: --rules DIR, else ./rules, else the copy
 * bundled in the jar. Every rule's type must have a category in policy.yaml.
 */
public final class Rulebook {

    private final Path root;
    private final String version;
    private final java.util.concurrent.CompletableFuture<Loaded> loaded;

    private record Loaded(DetectionEngine engine, Policy policy) {
    }

    private Rulebook(Path root, String version, java.util.concurrent.CompletableFuture<Loaded> loaded) {
        this.root = root;
        this.version = version;
        this.loaded = loaded;
    }

    /** Loads and checks every rule now; a broken rule throws a {@link RuleException} naming its file and id. */
    public static Rulebook load(Path explicitDir) {
        Rulebook r = start(explicitDir);
        r.await();
        return r;
    }

    /**
     * Finds the rules and starts compiling them on a background thread, so that start-up work (Vert.x,
     * the index) runs meanwhile; {@link #await} then reports a broken rule as {@link #load} would.
     * The version is known at once: it is a digest of the files.
     */
    public static Rulebook start(Path explicitDir) {
        Path root = locate(explicitDir);
        java.util.concurrent.CompletableFuture<Loaded> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(compile(root));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "inzage-rules");
        t.setDaemon(true);
        t.start();
        return new Rulebook(root, version(root), f);
    }

    private static Loaded compile(Path root) {
        DetectionEngine engine = Detectors.load(root);
        Policy policy = Policy.load(root.resolve("policy.yaml"));
        for (Rule r : engine.rules()) {
            if (!policy.knows(r.type())) {
                throw new RuleException(r.file() + ": rule '" + r.id() + "': type '" + r.type()
                        + "' has no category in policy.yaml");
            }
        }
        return new Loaded(engine, policy);
    }

    /** Waits for the rules to be compiled; rethrows the error that stopped them. */
    public Rulebook await() {
        loaded();
        return this;
    }

    private Loaded loaded() {
        try {
            return loaded.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new RuleException("rules: " + e.getCause());
        }
    }

    public Path root() {
        return root;
    }

    public DetectionEngine engine() {
        return loaded().engine();
    }

    public Policy policy() {
        return loaded().policy();
    }

    public String version() {
        return version;
    }

    /** A digest of every rules file: items scanned under other rules are read again, not skipped as unchanged. */
    static String version(Path root) {
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(root.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            return java.util.HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new RuleException("rules: cannot read " + root + ": " + e.getClass().getSimpleName());
        }
    }

    static Path locate(Path explicitDir) {
        if (explicitDir != null) {
            if (!Files.isDirectory(explicitDir.resolve("detectors"))) {
                throw new RuleException("rules: " + explicitDir + " has no detectors/ folder");
            }
            return explicitDir;
        }
        Path local = Path.of("rules");
        if (Files.isDirectory(local.resolve("detectors")) && Files.exists(local.resolve("policy.yaml"))) {
            return local;
        }
        return bundled();
    }

    private static Path bundled() {
        URL url = Rulebook.class.getResource("/rules/policy.yaml");
        if (url == null) {
            throw new RuleException("rules: no rules folder given and none bundled");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new RuleException("rules: cannot open the bundled rules: " + e.getMessage());
        }
    }
}
