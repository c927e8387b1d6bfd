package be.inzage.cli;

import be.inzage.config.DataDir;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --data and --rules, shared by the commands. */
final class CommonOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ./inzage-data)")
    Path data;

    @Option(names = "--rules", paramLabel = "DIR", description = "rules folder (default: ./rules, else the bundled rules)")
    Path rules;

    DataDir dataDir() {
        return new DataDir(data == null ? DataDir.DEFAULT : data);
    }
}
