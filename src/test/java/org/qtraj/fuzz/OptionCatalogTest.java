package org.qtraj.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** The fuzz suite knows every command and every option: a new one fails here until it is given values to fuzz. */
class OptionCatalogTest {
    @Test
    void everyCommandIsFuzzed() {
        Set<String> commands = new TreeSet<>(CommandLines.specs().keySet());
        commands.remove("help");
        assertEquals(new TreeSet<>(CommandLines.COMMANDS), commands);
    }

    @Test
    void everyOptionOfEveryCommandHasValues() {
        int options = 0;
        for (String command : CommandLines.COMMANDS) {
            for (OptionSpec o : CommandLines.options(command)) {
                options++;
                assertDoesNotThrow(() -> CommandLines.option(command, o), command + " " + o.longestName());
            }
            assertDoesNotThrow(() -> CommandLines.positionals(command), command);
            assertDoesNotThrow(() -> CommandLines.cases(command), command);
        }
        assertTrue(options > 60, "options found: " + options);
    }

    @Test
    void anUnknownOptionIsRefusedByTheTable() {
        assertFalse(CommandLines.has(java.util.List.of("--sitez"), "--sites"));
        try {
            CommandLines.value("exact", "--no-such-option");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("add it"), e.getMessage());
            return;
        }
        throw new AssertionError("an option without values was accepted");
    }
}
