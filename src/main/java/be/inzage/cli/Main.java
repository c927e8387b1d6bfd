package be.inzage.cli;

import be.inzage.detect.RuleException;
import be.inzage.source.SourceUri;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The `inzage` command: scan, search, findings, demo. */
@Command(name = "inzage", mixinStandardHelpOptions = true, version = "inzage 0.1.0",
        description = "Finds, inventories and searches personal data across file shares, databases and web logs.",
        subcommands = {ScanCommand.class, SearchCommand.class, FindingsCommand.class, ReportCommand.class, VerifyCommand.class,
                AuditCommand.class, ServeCommand.class, TokenCommand.class, HashPasswordCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line; errors a user can fix become one line on stderr and exit code 2. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof RuleException || ex instanceof SourceUri.BadSource || ex instanceof UserError
                    || ex instanceof be.inzage.serve.ServerConfig.ConfigError) {
                err.println("inzage: " + ex.getMessage());
                return 2;
            }
            err.println("inzage: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    /** A problem in what the user asked for (missing inventory, bad option value). */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }
}
