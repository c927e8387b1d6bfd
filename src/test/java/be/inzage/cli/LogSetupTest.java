package be.inzage.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Logging is set up in code (no XML at start-up): WARN to stderr, quieter parsers, server events at INFO. */
class LogSetupTest {

    @Test
    void theProcessLogsAsConfigured() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        ConsoleAppender<?> err = assertInstanceOf(ConsoleAppender.class, root.getAppender("ERR"));
        assertEquals("System.err", err.getTarget());
        assertEquals(Level.ERROR, ctx.getLogger("org.apache.tika.parser.pdf").getEffectiveLevel());
        assertEquals(Level.INFO, ctx.getLogger("be.inzage.serve.ScanRuns").getEffectiveLevel());
        assertEquals(Level.WARN, ctx.getLogger("be.inzage.scan.ScanEngine").getEffectiveLevel());
    }

    @Test
    void anOperatorsOwnFileStillWins() {
        LoggerContext fresh = new LoggerContext();
        System.setProperty("logback.configurationFile", "logback-json.xml");
        try {
            assertEquals(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY,
                    new LogSetup().configure(fresh));
            assertNull(fresh.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ERR"));
        } finally {
            System.clearProperty("logback.configurationFile");
        }
        LoggerContext other = new LoggerContext();
        new LogSetup().configure(other);
        assertNotNull(other.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ERR"));
    }

    @Test
    void theBundledJsonConfigurationLoadsWithoutComplaint() throws Exception {
        LoggerContext ctx = new LoggerContext();
        ch.qos.logback.classic.joran.JoranConfigurator joran = new ch.qos.logback.classic.joran.JoranConfigurator();
        joran.setContext(ctx);
        joran.doConfigure(LogSetupTest.class.getResource("/logback-json.xml"));
        assertEquals(ch.qos.logback.core.status.Status.INFO, new ch.qos.logback.core.status.StatusUtil(ctx).getHighestLevel(0),
                String.valueOf(ctx.getStatusManager().getCopyOfStatusList()));
        ConsoleAppender<?> json = assertInstanceOf(ConsoleAppender.class, ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON"));
        assertInstanceOf(ch.qos.logback.classic.encoder.JsonEncoder.class, json.getEncoder());
    }
}
