package be.inzage.cli;

import be.inzage.inventory.Finding;

/** Prints findings as one JSON object per line, or as aligned text. */
final class Output {

    private Output() {
    }

    static void print(Finding f, boolean json) {
        if (json) {
            System.out.println(f.toJson().encode());
        } else {
            System.out.printf("%-14s %-14s %-22s %s  %s%n", f.type(), f.category(), f.masked(), f.container(),
                    f.locator().encode());
        }
    }
}
