import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Estimator;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.simulation.Simulations;
import org.qtraj.stats.Estimate;

/**
 * qtraj from Java in a few lines: a chain, its exact steady state, quantum trajectories run to a target error,
 * the classical simulation beside the rate equations, and how far each estimate lies from the exact value.
 *
 * <p>Run it from the repository after {@code mvn package}: {@code java -cp target/qtraj.jar examples/QuickStart.java}
 */
public class QuickStart {
    public static void main(String[] args) {
        // Four two-level systems, dephasing 0.5 on every site, the left bath at T = 1, the right one at T = 0.
        Chain chain = Chain.builder().sites(4).dephasing(0.5).leftBath(1, 1.0).rightBath(1, 0.0).build();

        // The exact steady state: AUTO takes the cheapest exact method that applies (here the closed form).
        ExactResult exact = ExactMethod.AUTO.solve(chain);
        System.out.printf("exact (%s): heat current %.6f%n", exact.method(), exact.heatCurrentLeft());

        // Quantum trajectories until the heat current has a 2% relative standard error; seed 42 on every core
        // (the numbers do not depend on the number of threads).
        SimulationSettings settings = SimulationSettings.builder().seed(42).relativeTargetError(0.02).build();
        SimulationResult quantum = Simulations.quantum(chain, settings);
        Estimate j = quantum.estimate(Estimator.HEAT_CURRENT);
        System.out.printf("trajectories: heat current %.6f +- %.6f from %d trajectories, z = %.2f%n",
                j.value(), j.error(), j.samples(), j.z(exact.heatCurrentLeft()));

        // The classical analogue: Gillespie trajectories of the exclusion process against its rate equations.
        ExactResult rate = ExactMethod.RATE.solve(chain);
        Estimate jc = Simulations.classical(chain, settings).estimate(Estimator.HEAT_CURRENT);
        System.out.printf("classical: heat current %.6f +- %.6f (rate equations %.6f), z = %.2f%n",
                jc.value(), jc.error(), rate.heatCurrentLeft(), jc.z(rate.heatCurrentLeft()));
    }
}
