package org.qtraj.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import org.qtraj.model.NetworkSpec;
import org.qtraj.stats.Estimate;

/**
 * Trajectories and the classical simulation on networks against the exact solvers (liouvillian, and the rate
 * equations on the graph, which {@code exact.NetworkSteadyStateTest} checks against the full 2^N master equation).
 * Fixed seeds; each check is |z| &lt; 4 against the exact value: a false-alarm rate of 6e-5 per comparison if the
 * errors are right, about 1e-3 for the whole class.
 */
class NetworkSimulationTest {

    private static void within(Estimate e, double exact, String what) {
        assertTrue(Math.abs(e.z(exact)) < 4, what + ": " + e + " vs exact " + exact + ", z = " + e.z(exact));
    }

    @Test
    void sectorTrajectoriesOnARingWithZZAndDephasingMatchTheLiouvillian() {
        Chain ring = Chain.builder().network(NetworkSpec.parse("ring")).sites(5).couplings(1, -0.8, 0.6, 1.2, 0.9)
                .anisotropy(0.5).dephasing(0.3).bathSites(1, 3).build();
        ExactResult exact = ExactMethod.LIOUVILLIAN.solve(ring);
        SimulationSettings settings = SimulationSettings.builder().seed(7).trajectories(400).threads(2).build();
        SimulationResult r = Simulations.quantum(ring, settings);
        within(r.estimate(Estimator.HEAT_CURRENT), exact.heatCurrentLeft(), "J_left");
        within(r.estimate(Estimator.HEAT_CURRENT_RIGHT), exact.heatCurrentRight(), "J_right");
        within(r.estimate(Estimator.PARTICLE_CURRENT), exact.particleCurrentLeft(), "I_left");
        for (int k = 1; k <= ring.sites(); k++) {
            within(r.estimate(Estimator.population(k)), exact.populations()[k - 1], "n_" + k);
        }
    }

    @Test
    void fmoWithAPumpAndATrapMatchesTheLiouvillian() {
        // the FMO complex in cm^-1: pump on site 1 at the sun's 5800 K (k_B T = 4031 cm^-1, nbar = 0.048), trap on
        // site 3 at T = 0, dephasing 100 cm^-1
        Chain fmo = Chain.builder().network(NetworkSpec.parse("fmo")).dephasing(100).bath("pump", 1, 5, 4031)
                .bath("trap", 3, 5, 0).build();
        ExactResult exact = ExactMethod.AUTO.solve(fmo);
        assertEquals("liouvillian", exact.method());
        SimulationSettings settings = SimulationSettings.builder().seed(11).trajectories(40).threads(2).build();
        SimulationResult r = Simulations.quantum(fmo, settings);
        within(r.estimate(Estimator.PARTICLE_CURRENT), exact.particleCurrentLeft(), "I_pump");
        within(r.estimate(Estimator.HEAT_CURRENT), exact.heatCurrentLeft(), "J_pump");
    }

    @Test
    void classicalOnAGridMatchesTheRateEquationsOnTheGraph() {
        for (Chain grid : new Chain[] {
            Chain.builder().network(NetworkSpec.parse("grid:3x3")).bathSites(1, 9).leftBath(1, 2).build(),
            Chain.builder().network(NetworkSpec.parse("grid:3x3")).hoppings(1, 0.5, 2, 0.7, 1.3, 0.9, 1.1, 0.6, 1.4,
                    0.8, 1.2, 1.0).bathSites(2, 9).leftBath(1, 2).build()}) {
            ExactResult exact = ExactMethod.RATE.solve(grid);
            SimulationSettings settings = SimulationSettings.builder().seed(3).trajectories(200).threads(2).build();
            SimulationResult r = Simulations.classical(grid, settings);
            within(r.estimate(Estimator.PARTICLE_CURRENT), exact.particleCurrentLeft(), "I_left " + grid);
            for (int k = 1; k <= grid.sites(); k++) {
                within(r.estimate(Estimator.population(k)), exact.populations()[k - 1], "P_" + k + " " + grid);
            }
            double[] bond = exact.bondCurrents();
            for (int b = 0; b < grid.bonds(); b++) {
                String name = "bond_current_" + (grid.bondFrom(b) + 1) + "_" + (grid.bondTo(b) + 1);
                within(r.estimate(new Estimator(name)), bond[b], name + " " + grid);
            }
        }
    }

    @Test
    void sectorTrajectoriesWithThreeBathsGiveEveryBathAndEveryBondCurrent() {
        Chain star = Chain.builder().network(NetworkSpec.parse("star")).sites(4).couplings(1, -0.6, 0.8).dephasing(0.2)
                .anisotropy(0.3).bath("hot", 2, 1.0, 2.0).bath("cold", 3, 0.8, 0.0).bath("warm", 4, 0.7, 0.5).build();
        ExactResult exact = ExactMethod.LIOUVILLIAN.solve(star);
        SimulationSettings settings = SimulationSettings.builder().seed(5).trajectories(400).threads(2).build();
        SimulationResult r = Simulations.quantum(star, settings);
        within(r.estimate(Estimator.HEAT_CURRENT), exact.bath("hot").heatCurrent(), "J_hot");
        within(r.estimate(new Estimator("heat_current_cold")), exact.bath("cold").heatCurrent(), "J_cold");
        within(r.estimate(new Estimator("heat_current_warm")), exact.bath("warm").heatCurrent(), "J_warm");
        within(r.estimate(new Estimator("particle_current_warm")), exact.bath("warm").particleCurrent(), "I_warm");
        within(r.estimate(Estimator.HEAT_CURRENT_DEPHASING), exact.heatCurrentDephasing(), "J_deph");
        double[] bond = exact.bondCurrents();
        for (int b = 0; b < star.bonds(); b++) {
            String name = "bond_current_" + (star.bondFrom(b) + 1) + "_" + (star.bondTo(b) + 1);
            within(r.estimate(new Estimator(name)), bond[b], name);
        }
    }

    @Test
    void classicalWithOneAndWithThreeBathsMatchesTheRateEquations() {
        Chain[] models = {
            Chain.builder().network(NetworkSpec.parse("star")).sites(4).hoppings(1, 0.6, 1.4).bath("hot", 2, 1.0, 2.0)
                    .bath("cold", 3, 0.8, 0.0).bath("warm", 4, 0.7, 0.5).build(),
            Chain.builder().sites(3).bath("only", 2, 1.0, 1.0).build(),
        };
        for (Chain chain : models) {
            ExactResult exact = ExactMethod.RATE.solve(chain);
            SimulationSettings settings = SimulationSettings.builder().seed(9).trajectories(300).threads(2).build();
            SimulationResult r = Simulations.classical(chain, settings);
            for (int j = 0; j < chain.bathCount(); j++) {
                String suffix = j == 0 ? "" : "_" + chain.bathName(j);
                within(r.estimate(new Estimator("particle_current" + suffix)),
                        exact.baths().get(j).particleCurrent(), "I_" + chain.bathName(j));
                within(r.estimate(new Estimator("heat_current" + suffix)),
                        exact.baths().get(j).heatCurrent(), "J_" + chain.bathName(j));
            }
            for (int k = 1; k <= chain.sites(); k++) {
                within(r.estimate(Estimator.population(k)), exact.populations()[k - 1], "P_" + k + " " + chain);
            }
        }
    }

    @Test
    void gaussianRefusesNetworksAndAutoPicksTheSectorEngine() {
        Chain ring = Chain.builder().network(NetworkSpec.parse("ring")).sites(6).build();
        SimulationSettings gaussian = SimulationSettings.builder().seed(1).trajectories(10)
                .quantumEngine(QuantumEngine.GAUSSIAN).build();
        assertEquals("engine", assertThrows(InvalidInputException.class,
                () -> Simulations.quantum(ring, gaussian)).field());
        assertEquals(QuantumEngine.SECTOR, QuantumEngine.AUTO.resolve(ring));
    }
}
