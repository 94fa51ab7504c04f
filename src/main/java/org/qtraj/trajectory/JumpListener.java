package org.qtraj.trajectory;

/**
 * Receives the bath jumps of a quantum trajectory inside its averaging window [t_burn, t_total], in time order
 * (for counting statistics and waiting-time distributions): the quantum counterpart of
 * {@code org.qtraj.classical.BoundaryEventListener}, with the same arguments. Dephasing jumps are not reported.
 * Called on the simulating thread; the listener does not change the trajectory (it draws no random numbers). An
 * implementation need not be thread-safe if it serves one trajectory at a time (one listener per trajectory).
 */
@FunctionalInterface
public interface JumpListener {
    /**
     * One bath jump.
     *
     * @param bath   0 (left) or 1 (right)
     * @param change +1 for an absorption (sigma^+, an excitation enters from the bath), -1 for an emission
     * @param time   the jump time, in [t_burn, t_total]
     */
    void onJump(int bath, int change, double time);
}
