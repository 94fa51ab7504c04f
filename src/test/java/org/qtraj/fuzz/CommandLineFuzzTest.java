package org.qtraj.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated command lines for every command (see {@link CommandLines}), each checked for the {@link Verdict}
 * property. Seeded: the same cases on every run. {@link HeavyFuzzTest} runs ten times as many, with other seeds.
 */
class CommandLineFuzzTest {
    static final String SEED = "20260101";

    @Property(tries = 280, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void exact(@ForAll("exactCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 220, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void simulate(@ForAll("simulateCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 200, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void classical(@ForAll("classicalCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 170, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void fcs(@ForAll("fcsCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 130, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void crosscheck(@ForAll("crosscheckCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 180, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void run(@ForAll("runCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 130, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void status(@ForAll("statusCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 130, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void merge(@ForAll("mergeCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 90, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void report(@ForAll("reportCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 12, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void bench(@ForAll("benchCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 60, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void global(@ForAll("globalCases") CliCase c) {
        Fuzz.check(c);
    }

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

    @AfterContainer
    static void summary() {
        Fuzz.printSummary();
    }
}
