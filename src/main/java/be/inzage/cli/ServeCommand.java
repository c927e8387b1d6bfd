package be.inzage.cli;

import be.inzage.config.DataDir;
import be.inzage.detect.Rulebook;
import be.inzage.serve.ServerConfig;
import be.inzage.web.InzageServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"REST API, web UI and scheduled scans. Sources, schedules and users come from the config file",
                "(see inzage.example.yaml). Stops gracefully on SIGTERM / Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "server configuration (YAML)")
    Path config;

    @Option(names = "--port", paramLabel = "PORT", description = "overrides the config's port (default 8080)")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "address to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: the config's, else ./inzage-data)")
    Path data;

    @Option(names = "--rules", paramLabel = "DIR", description = "rules directory (default: the config's, ./rules, or the bundled rules)")
    Path rules;

    @Override
    public Integer call() throws Exception {
        ServerConfig cfg;
        try {
            cfg = config == null ? ServerConfig.empty() : ServerConfig.load(config);
        } catch (ServerConfig.ConfigError e) {
            throw new Main.UserError(e.getMessage());
        }
        DataDir dir = new DataDir(data != null ? data : cfg.data() != null ? cfg.data() : DataDir.DEFAULT);
        if (cfg.scan().extractThreads() > 0 && System.getProperty("inzage.extractThreads") == null) {
            System.setProperty("inzage.extractThreads", String.valueOf(cfg.scan().extractThreads()));
        }
        Rulebook rulebook = Rulebook.load(rules != null ? rules : cfg.rules());
        int p = port != null ? port : cfg.port();
        String h = host != null ? host : cfg.host();
        InzageServer server = InzageServer.start(cfg, dir, rulebook, h, p, Clock.systemDefaultZone(), true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("inzage: shutdown: " + e.getClass().getSimpleName());
            } finally {
                stopped.countDown();
            }
        }, "inzage-shutdown"));
        System.out.printf("Inzage serving on http://%s:%d/ (%d source(s), %d user(s), data in %s)%n", h, server.port(),
                cfg.sources().size(), cfg.users().size(), dir.root().toAbsolutePath());
        if (cfg.users().isEmpty()) {
            System.out.println("No users configured: only API tokens (`inzage token create`) can use the API.");
        }
        stopped.await();
        return 0;
    }
}
