package org.qtraj.fuzz;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated command lines for every command (see {@link CommandLines}), each checked for the {@link Verdict}
 * property. Seeded: the same cases on every run. {@link HeavyFuzzTest} runs ten times as many, with other seeds.
 */
class CommandLineFuzzTest extends CommandLineCases {
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

    @Property(tries = 120, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void cloning(@ForAll("cloningCases") CliCase c) {
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

    @AfterContainer
    static void summary() {
        Fuzz.printSummary();
    }
}
