package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated input files: model files given to the model commands with --model ({@link ModelTexts}), and run specs
 * given to {@code qtraj run SPEC --out DIR} ({@link RunSpecs}), each checked for the {@link Verdict} property.
 */
class FileFuzzTest {
    @Property(tries = 450, seed = CommandLineFuzzTest.SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void modelFiles(@ForAll("modelCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 550, seed = CommandLineFuzzTest.SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void runSpecs(@ForAll("specCases") CliCase c) {
        Fuzz.check(c);
    }

    @Provide
    static Arbitrary<CliCase> modelCases() {
        return Combinators.combine(Arbitraries.of("exact", "exact", "exact", "simulate", "classical", "fcs", "crosscheck"),
                ModelTexts.modelFiles(), Arbitraries.integers().between(1, 10), Arbitraries.of("auto", "rate", "liouvillian"))
                .as((command, file, trajectories, method) -> {
                    List<String> args = new ArrayList<>(List.of(command, "--model", CliCase.DIR + "/" + file.get1(), "--json"));
                    if (CommandLines.ENSEMBLE.contains(command)) {
                        args.addAll(List.of("--trajectories", Integer.toString(trajectories), "--t-total", "2", "--threads", "1"));
                    } else if (!method.equals("auto")) {
                        args.addAll(List.of("--method", method));
                    }
                    return new CliCase(command, args, Map.of(file.get1(), file.get2()), List.of());
                });
    }

    @Provide
    static Arbitrary<CliCase> specCases() {
        return Combinators.combine(RunSpecs.specFiles(), Arbitraries.<List<String>>of(List.of(), List.of(), List.of(),
                List.of("--dry-run"), List.of("--threads", "2"), List.of("--shard", "1/2"), List.of("--resume")))
                .as((text, extra) -> {
                    List<String> args = new ArrayList<>(List.of("run", CliCase.DIR + "/spec.yaml", "--out", CliCase.DIR + "/out"));
                    args.addAll(extra);
                    return new CliCase("run", args, Map.of("spec.yaml", text), List.of());
                });
    }

    @AfterContainer
    static void summary() {
        Fuzz.printSummary();
    }
}
