package org.qtraj.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The heavy fuzz run: the properties of {@link CommandLineFuzzTest} and {@link FileFuzzTest} with ten times the cases
 * and another seed (some 26,000 cases, about 20 minutes on 2 cores). Tagged slow (jqwik's own tag, which the JUnit
 * Platform filters like Jupiter's): skipped by {@code mvn verify}, run by {@code mvn -Pheavy verify}; alone:
 * {@code mvn -Pheavy verify -Dtest=HeavyFuzzTest}.
 */
@Tag("slow")
class HeavyFuzzTest extends CommandLineCases {
    static final String SEED = "20260102";

    @Property(tries = 2800, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void exact(@ForAll("exactCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 2200, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void simulate(@ForAll("simulateCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 2000, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void classical(@ForAll("classicalCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 1700, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void fcs(@ForAll("fcsCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 1200, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void cloning(@ForAll("cloningCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 1300, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void crosscheck(@ForAll("crosscheckCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 1800, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void run(@ForAll("runCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 1300, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void status(@ForAll("statusCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 1300, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void merge(@ForAll("mergeCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 900, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void report(@ForAll("reportCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 120, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void bench(@ForAll("benchCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 600, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void global(@ForAll("globalCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 4500, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void modelFiles(@ForAll("modelCases") CliCase c) {
        Fuzz.check(c);
    }

    @Property(tries = 5500, seed = SEED, whenFixedSeed = FixedSeedMode.ALLOW, edgeCases = EdgeCasesMode.NONE)
    void runSpecs(@ForAll("specCases") CliCase c) {
        Fuzz.check(c);
    }

    @Provide
    Arbitrary<CliCase> modelCases() {
        return FileFuzzTest.modelCases();
    }

    @Provide
    Arbitrary<CliCase> specCases() {
        return FileFuzzTest.specCases();
    }

    @AfterContainer
    static void summary() {
        Fuzz.printSummary();
    }
}
