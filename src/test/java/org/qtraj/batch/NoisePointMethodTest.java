package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;

/** {method: noise} points: the cumulants of the counted current beside the steady state. */
class NoisePointMethodTest {

    private static PointMethod method(String solver) {
        RunSpec spec = RunFiles.spec("methods: [{method: noise, solver: " + solver + "}]\n");
        return MethodKind.create(spec.methods().get(0));
    }

    @Test
    void classicalMeanIsJcAndFanoIsTheRatio() throws Exception {
        Chain chain = ModelSpec.empty().withSites(3).build();
        PointResult r = method("rate").run(chain, 1, Checkpoint.none(), 1);
        // PHYSICS.md: the mean of the counted current is J_C of the rate equations
        assertEquals(RateEquations.closedFormParticleCurrent(chain), r.observables().get("cumulant_1").value(), 1e-11);
        assertEquals(r.observables().get("cumulant_2").value() / r.observables().get("cumulant_1").value(),
                r.observables().get("fano").value(), 1e-15);
    }

    @Test
    void quantumMeanIsTheParticleCurrent() throws Exception {
        Chain chain = ModelSpec.empty().withSites(3).build();
        PointResult r = method("auto").run(chain, 1, Checkpoint.none(), 1);
        assertEquals(r.observables().get("particle_current").value(), r.observables().get("cumulant_1").value(), 1e-10);
    }

    @Test
    void refusesChainsTooLargeForTheGenerators() {
        assertNotNull(method("rate").refusal(ModelSpec.empty().withSites(17).build()));
        assertNull(method("rate").refusal(ModelSpec.empty().withSites(16).build()));
        assertNotNull(method("liouvillian").refusal(ModelSpec.empty().withSites(13).build()));
    }
}
