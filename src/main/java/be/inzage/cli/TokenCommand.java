package be.inzage.cli;

import be.inzage.serve.Roles;
import be.inzage.serve.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "API tokens for automation: `token create --role officer|admin` prints a new token once; only its hash is stored.")
final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "create")
    String action;

    @Option(names = "--role", required = true, paramLabel = "officer|admin")
    String role;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (!action.equals("create")) {
            throw new Main.UserError("token: unknown action '" + action + "' (use create)");
        }
        if (!Roles.ALL.contains(role)) {
            throw new Main.UserError("--role must be officer or admin, not '" + role + "'");
        }
        System.out.println(new TokenStore(common.dataDir().root()).create(role));
        return 0;
    }
}
