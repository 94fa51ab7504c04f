package org.qtraj.trajectory;

/**
 * One jump operator of the unravelling, sqrt(rate) times sigma^-_k (emission into a bath), sigma^+_k
 * (absorption from a bath) or n_k (dephasing). For bath channels {@code bath} is 0 (left) or 1 (right)
 * and {@code charge} the change of the excitation number (-1, +1); dephasing has bath -1, charge 0.
 */
record Channel(Kind kind, int site, double rate, int bath) {
    enum Kind { EMISSION, ABSORPTION, DEPHASING }

    int charge() {
        return switch (kind) {
            case EMISSION -> -1;
            case ABSORPTION -> 1;
            case DEPHASING -> 0;
        };
    }

    /** <x| L^+ L |x> / rate on a basis state: n_k for sigma^- and n_k, 1 - n_k for sigma^+. */
    double weight(int mask) {
        boolean occupied = (mask >>> site & 1) != 0;
        return (kind == Kind.ABSORPTION) != occupied ? 1 : 0;
    }
}
