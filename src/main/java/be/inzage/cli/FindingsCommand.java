package be.inzage.cli;

import be.inzage.inventory.InventoryIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "findings", mixinStandardHelpOptions = true, description = "Prints every finding in the inventory.")
final class FindingsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "one JSON object per line")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        InventoryIndex index;
        try {
            index = InventoryIndex.openReader(common.dataDir().index());
        } catch (IOException e) {
            throw new Main.UserError(e.getMessage());
        }
        try (index) {
            index.forEach(f -> Output.print(f, json));
        }
        return 0;
    }
}
