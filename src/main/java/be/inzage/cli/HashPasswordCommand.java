package be.inzage.cli;

import be.inzage.serve.PasswordHasher;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Reads a password (from the terminal without echo, or one line from stdin) and prints its PBKDF2 hash",
                "for a user's password_hash in the server config. The password itself is never stored."})
final class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Console console = System.console();
        char[] pw;
        if (console != null) {
            pw = console.readPassword("Password: ");
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            pw = line == null ? null : line.toCharArray();
        }
        if (pw == null || pw.length < 8) {
            throw new Main.UserError("the password must have at least 8 characters");
        }
        System.out.println(PasswordHasher.hash(pw));
        java.util.Arrays.fill(pw, '\0');
        return 0;
    }
}
