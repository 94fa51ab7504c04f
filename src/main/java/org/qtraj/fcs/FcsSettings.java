package org.qtraj.fcs;

import org.qtraj.errors.InvalidInputException;

/**
 * What full counting statistics from trajectories measures: the net count (absorptions minus emissions) at one
 * bath in windows of length T (PHYSICS.md, "Current fluctuations"). Immutable and thread-safe.
 *
 * @param bath     the counting bath's index in the model's baths (0 left, 1 right for a chain)
 * @param window   the length T of the counting windows cut from each trajectory's averaging window, or NaN for one
 *                 window spanning it
 * @param bathName the counting bath's name, for output
 */
public record FcsSettings(int bath, double window, String bathName) {
    /**
     * Validates the settings.
     *
     * @throws InvalidInputException naming counting_bath if bath &lt; 0, window unless it is NaN or a finite time &gt; 0
     */
    public FcsSettings {
        if (bath < 0) {
            throw new InvalidInputException("counting_bath", "must be a bath of the model, got index " + bath);
        }
        if (!Double.isNaN(window) && !(window > 0 && Double.isFinite(window))) {
            throw new InvalidInputException("window", "must be a finite time > 0, got " + window);
        }
    }

    /** A chain's settings: bath 0 is left, 1 right. */
    public FcsSettings(int bath, double window) {
        this(bath, window, bath == 0 ? "left" : bath == 1 ? "right" : "bath " + bath);
    }

    /**
     * The index of the bath named {@code text} in the model: left and right (any case) for a chain's baths, else a
     * name given to a bath; null means the first bath.
     *
     * @throws InvalidInputException naming counting_bath, listing the model's baths, if none has that name
     */
    public static int bathIndex(org.qtraj.model.Chain chain, String text) {
        if (text == null) {
            return 0;
        }
        String t = text.trim();
        for (int j = 0; j < chain.bathCount(); j++) {
            if (chain.bathName(j).equals(t) || (chain.bathName(j).equalsIgnoreCase(t)
                    && (t.equalsIgnoreCase("left") || t.equalsIgnoreCase("right")))) {
                return j;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int j = 0; j < chain.bathCount(); j++) {
            names.append(j == 0 ? "" : ", ").append(chain.bathName(j));
        }
        throw new InvalidInputException("counting_bath", "must be a bath of the model (" + names + "), got '" + text + "'");
    }

    /** Parses left | right (case-insensitive) into 0 | 1. */
    public static int parseBath(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "left":
                    return 0;
                case "right":
                    return 1;
                default:
                    break;
            }
        }
        throw new InvalidInputException("counting_bath", "must be left or right, got '" + text + "'");
    }

    /** True if a window length T was given (false: one window spans each trajectory's averaging window). */
    public boolean hasWindow() {
        return !Double.isNaN(window);
    }
}
