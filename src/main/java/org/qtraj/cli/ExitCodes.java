package org.qtraj.cli;

/** Process exit codes (DESIGN.md, "Conventions", errors). Constants only: immutable and thread-safe. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Internal error: a numerical failure or a bug. */
    public static final int INTERNAL = 1;
    /** Bad model, option or input file. */
    public static final int BAD_INPUT = 2;
    /** A cross-check found methods that disagree. */
    public static final int DISAGREE = 3;
    /** A cross-check found no disagreement but could not reach its target error within its budget. */
    public static final int INCONCLUSIVE = 4;

    private ExitCodes() {
    }
}
