package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.qtraj.model.Chain;
import org.qtraj.model.NetworkSpec;

/**
 * {@link DarkModes} against the dimension of the kernel of the full dense Lindblad generator ({@link DenseLindblad},
 * written from PHYSICS.md): a model is refused exactly when its steady state is not unique (kernel of the real
 * 2 x 4^N form of dimension above 2, since rho and i rho both lie in it). Deterministic; singular values below 1e-10
 * of the largest count as zero (the next ones are above 1e-4 in every case here).
 */
class DarkModesTest {

    private static int kernelDimension(Chain chain) {
        double[][] l = new DenseLindblad(chain).realGenerator();
        DMatrixRMaj a = new DMatrixRMaj(l);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false,
                false, true);
        svd.decompose(a);
        double[] sv = svd.getSingularValues();
        double max = 0;
        for (double s : sv) {
            max = Math.max(max, s);
        }
        int zero = 0;
        for (double s : sv) {
            zero += s < 1e-10 * max ? 1 : 0;
        }
        return zero / 2;
    }

    @Test
    void refusedExactlyWhenTheSteadyStateIsNotUnique() {
        Chain[] models = {
            // dark: equal paths from site 1 to 4 through 2 and 3
            Chain.builder().network(NetworkSpec.parse("grid:2x2")).build(),
            Chain.builder().network(NetworkSpec.parse("grid:2x2")).rightBath(1, 0.5).build(),
            // dark: a bath in the middle of a uniform 3-chain only
            Chain.builder().sites(3).bathSites(2, 2).build(),
            // dark: a star with the baths on two of three equal leaves
            Chain.builder().network(NetworkSpec.parse("star")).sites(4).bathSites(2, 3).build(),
            // bright: the symmetry broken by a coupling, by an energy, or by dephasing on one site
            Chain.builder().network(NetworkSpec.parse("grid:2x2")).couplings(1, 1, 1, 0.9).build(),
            Chain.builder().network(NetworkSpec.parse("grid:2x2")).omegas(1, 1, 1.1, 1).build(),
            Chain.builder().network(NetworkSpec.parse("grid:2x2")).dephasings(0, 0.2, 0, 0).build(),
            Chain.builder().sites(3).bathSites(2, 3).build(),
            Chain.builder().sites(4).build(),
        };
        for (Chain chain : models) {
            boolean refused = DarkModes.refusal(chain) != null;
            int kernel = kernelDimension(chain);
            assertEquals(kernel > 1, refused, chain + ": kernel dimension " + kernel);
        }
    }
}
