package org.qtraj.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qtraj.errors.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Turns the library's words into the command line's: an {@link InvalidInputException} names a setting as the
 * library does ({@code t_burn}, {@code threads}, {@code directory}), and the message printed for a command names the
 * flag of that command that sets it ({@code --t-burn}, {@code --threads}, {@code --out}; a run directory is the
 * positional DIR, or SHARD_DIR in merge). A field the command has no
 * flag for (a key of a model file or run spec, such as {@code baths.left.site}) is printed as it is. Model options
 * keep their file keys ({@code sites}, {@code dephasing}), since the same value may come from a model file.
 * Stateless.
 */
final class FlagNames {
    /** Library words whose flag is not the word with dashes: the candidates, the first the command has wins. */
    private static final Map<String, List<String>> ALIASES = Map.of("directory", List.of("--out"),
            "run_directory", List.of("DIR", "SHARD_DIR"));
    /** snake_case words inside a message that may name a setting. */
    private static final Pattern WORD = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");

    private FlagNames() {
    }

    /** The one-line message of {@code e} for the command {@code spec}, in its flags. */
    static String message(InvalidInputException e, CommandSpec spec) {
        String text = e.getMessage();
        String field = e.field();
        String body = text.startsWith(field + ": ") ? text.substring(field.length() + 2) : text;
        String flag = flag(field, spec);
        Matcher m = WORD.matcher(body);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String f = flag(m.group(), spec);
            m.appendReplacement(sb, Matcher.quoteReplacement(f == null ? m.group() : f));
        }
        m.appendTail(sb);
        return (flag == null ? field : flag) + ": " + sb;
    }

    /** The flag (or parameter label) of {@code field} in {@code spec}, or null if it has none. */
    static String flag(String field, CommandSpec spec) {
        if (spec == null) {
            return null;
        }
        for (String name : ALIASES.getOrDefault(field, List.of("--" + field.replace('_', '-')))) {
            OptionSpec option = spec.findOption(name);
            if (option != null && !isModelOption(option)) {
                return name;
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (p.paramLabel().equals(name)) {
                    return name;
                }
            }
        }
        return null;
    }

    private static boolean isModelOption(OptionSpec option) {
        Object owner = option.userObject();
        return owner instanceof java.lang.reflect.Field f && f.getDeclaringClass() == ModelOptions.class;
    }
}
