package org.qtraj.classical;

/**
 * Receives the boundary events of a classical trajectory inside its measurement window, in time order
 * (for waiting-time distributions and counting statistics). Called on the simulating thread; an
 * implementation must not keep a reference to anything of the trajectory, and need not be thread-safe if it
 * serves one trajectory at a time (one listener per trajectory).
 */
@FunctionalInterface
public interface BoundaryEventListener {
    /** The left bath. */
    int LEFT = 0;
    /** The right bath. */
    int RIGHT = 1;

    /**
     * One boundary event.
     *
     * @param bath   {@link #LEFT} or {@link #RIGHT}
     * @param change +1 for an injection (a particle enters from the bath), -1 for a removal
     * @param time   the event time, in [t_burn, t_total]
     */
    void onBoundaryEvent(int bath, int change, double time);
}
