package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated command line: the arguments (with {@value #DIR} standing for the case's own fresh directory), the
 * files to write there first (model files, run specs) and the fixture run directories to copy there (for status,
 * merge, report). Immutable.
 *
 * @param command  the subcommand (exact, simulate, ..., or "" for the top-level command)
 * @param args     the full command line, {@value #DIR} not yet replaced
 * @param files    file name (relative to the case directory) to content, written as UTF-8 before the run
 * @param fixtures names of {@link Fixtures} run directories copied into the case directory before the run
 */
record CliCase(String command, List<String> args, Map<String, String> files, List<String> fixtures) {
    /** Stands for the case directory in arguments and file contents. */
    static final String DIR = "@DIR@";

    CliCase {
        args = List.copyOf(args);
        files = Map.copyOf(new LinkedHashMap<>(files));
        fixtures = List.copyOf(fixtures);
    }

    static CliCase of(String command, List<String> args) {
        return new CliCase(command, args, Map.of(), List.of());
    }

    /** The arguments with the case directory in place of {@value #DIR}. */
    List<String> resolved(String dir) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.replace(DIR, dir));
        }
        return out;
    }

    /** Whether the command line holds this exact token. */
    boolean has(String token) {
        return args.contains(token);
    }

    /** Whether some token is the flag or starts with "flag=". */
    boolean hasOption(String flag) {
        return args.stream().anyMatch(a -> a.equals(flag) || a.startsWith(flag + "="));
    }

    /** The value after the first occurrence of {@code flag} ("--x v" or "--x=v"), or null. */
    String value(String flag) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(flag) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith(flag + "=")) {
                return a.substring(flag.length() + 1);
            }
        }
        return null;
    }

    /** Every value given to {@code flag}. */
    List<String> values(String flag) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(flag) && i + 1 < args.size()) {
                out.add(args.get(i + 1));
            } else if (a.startsWith(flag + "=")) {
                out.add(a.substring(flag.length() + 1));
            }
        }
        return out;
    }

    /** The command line as a shell would take it, for failure messages (files listed after it). */
    String display(String dir) {
        StringBuilder sb = new StringBuilder("qtraj");
        for (String a : resolved(dir)) {
            sb.append(' ').append(quote(a));
        }
        files.forEach((name, text) -> sb.append("\n  with ").append(name).append(":\n")
                .append(text.replace(DIR, dir).indent(4).stripTrailing()));
        for (String f : fixtures) {
            sb.append("\n  with fixture run directory ").append(f);
        }
        return sb.toString();
    }

    private static String quote(String a) {
        if (!a.isEmpty() && a.matches("[A-Za-z0-9_./:=,%+@-]+")) {
            return a;
        }
        StringBuilder sb = new StringBuilder("'");
        for (char c : a.toCharArray()) {
            if (c == '\'') {
                sb.append("'\\''");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("'$'\\x%02x''", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    @Override
    public String toString() {
        return display(DIR);
    }
}
