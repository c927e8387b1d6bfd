package be.inzage.cli;

import be.inzage.detect.RuleException;
import be.inzage.source.SourceUri;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The `inzage` command: scan, search, findings, demo. */
@Command(name = "inzage", mixinStandardHelpOptions = true, version = "inzage 0.1.0",
        description = "Finds, inventories and searches personal data across file shares, databases and web logs.")
public final class Main {

    /** In the order `--help` lists them. */
    private static final java.util.Map<String, Class<?>> COMMANDS = commands(ScanCommand.class, SearchCommand.class,
            FindingsCommand.class, ReportCommand.class, VerifyCommand.class, AuditCommand.class, ServeCommand.class,
            TokenCommand.class, HashPasswordCommand.class, DemoCommand.class, CommandLine.HelpCommand.class);

    private static java.util.Map<String, Class<?>> commands(Class<?>... classes) {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        for (Class<?> c : classes) {
            m.put(c.getAnnotation(Command.class).name(), c);
        }
        return m;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line; errors a user can fix become one line on stderr and exit code 2. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // picocli reflects over every option of every command it is given: it gets only the one being
        // run (35–50 ms less per start), or all of them when none is named (usage, --help, typos)
        Class<?> named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        for (var c : COMMANDS.entrySet()) {
            if (named == null || c.getValue() == named) {
                cl.addSubcommand(c.getKey(), c.getValue());
            }
        }
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
