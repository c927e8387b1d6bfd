package be.inzage.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * The default logging set-up, in code: logback's XML configuration cost ~0.15 s of every start
 * (its parser and reflection), a tenth of an unchanged rescan. Logs go to stderr and never carry
 * identifier values: only counts, types and reasons. {@code -Dlogback.configurationFile=...}
 * (e.g. the bundled {@code logback-json.xml} for log shippers) still replaces it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** Levels that differ from the root's WARN. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.apache.tika", Level.ERROR,
            "org.apache.pdfbox", Level.ERROR,
            "org.apache.poi", Level.ERROR,
            // Vert.x registers a few gauges twice; the warning says nothing an operator can act on
            "io.micrometer.core.instrument.MeterRegistry", Level.ERROR,
            // server mode: start-up, logins (user names only), runs
            "be.inzage.web", Level.INFO,
            "be.inzage.serve", Level.INFO);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an operator's own file: logback's XML configurator reads it
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("ERR");
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(err);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
