package org.qtraj.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/**
 * The generated command lines of every command, one provider per command: shared by the default fuzz run
 * ({@link CommandLineFuzzTest}) and the heavy one ({@link HeavyFuzzTest}), which differ only in cases and seed.
 */
abstract class CommandLineCases {
    @Provide
    Arbitrary<CliCase> exactCases() {
        return CommandLines.cases("exact");
    }

    @Provide
    Arbitrary<CliCase> simulateCases() {
        return CommandLines.cases("simulate");
    }

    @Provide
    Arbitrary<CliCase> classicalCases() {
        return CommandLines.cases("classical");
    }

    @Provide
    Arbitrary<CliCase> fcsCases() {
        return CommandLines.cases("fcs");
    }

    @Provide
    Arbitrary<CliCase> cloningCases() {
        return CommandLines.cases("cloning");
    }

    @Provide
    Arbitrary<CliCase> crosscheckCases() {
        return CommandLines.cases("crosscheck");
    }

    @Provide
    Arbitrary<CliCase> runCases() {
        return CommandLines.cases("run");
    }

    @Provide
    Arbitrary<CliCase> statusCases() {
        return CommandLines.cases("status");
    }

    @Provide
    Arbitrary<CliCase> mergeCases() {
        return CommandLines.cases("merge");
    }

    @Provide
    Arbitrary<CliCase> reportCases() {
        return CommandLines.cases("report");
    }

    @Provide
    Arbitrary<CliCase> benchCases() {
        return CommandLines.cases("bench", 1);
    }

    @Provide
    Arbitrary<CliCase> globalCases() {
        return CommandLines.globalCases();
    }
}
