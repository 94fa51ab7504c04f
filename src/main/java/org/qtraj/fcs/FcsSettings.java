package org.qtraj.fcs;

import org.qtraj.errors.InvalidInputException;

/**
 * What full counting statistics from trajectories measures: the net count (absorptions minus emissions) at one
 * bath in windows of length T (PHYSICS.md, "Current fluctuations"). Immutable and thread-safe.
 *
 * @param bath   the counting bath, 0 (left) or 1 (right)
 * @param window the length T of the counting windows cut from each trajectory's averaging window, or NaN for one
 *               window spanning it
 */
public record FcsSettings(int bath, double window) {
    /**
     * Validates the settings.
     *
     * @throws InvalidInputException naming counting_bath unless bath is 0 or 1, window unless it is NaN or a finite
     *                               time &gt; 0
     */
    public FcsSettings {
        if (bath != 0 && bath != 1) {
            throw new InvalidInputException("counting_bath", "must be left or right, got " + bath);
        }
        if (!Double.isNaN(window) && !(window > 0 && Double.isFinite(window))) {
            throw new InvalidInputException("window", "must be a finite time > 0, got " + window);
        }
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
