package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * qtraj's Liouvillian solver on networks against QuTiP's {@code steadystate} (direct sparse solve of the Lindblad
 * generator), values made offline by {@code src/test/resources/qutip/networks.py} (QuTiP 4.7.1) and committed
 * beside it as {@code networks.json}: a 4-ring with ZZ couplings and dephasing (two baths), a 2x3 ladder with ZZ
 * couplings, a 4-star with three baths, and FMO pumped at site 1 and trapped at site 3 with dephasing 100 cm^-1.
 * Every bath's heat and particle current, the dephasing heat current, every population and every bond current
 * must agree to 1e-9 relative to the largest magnitude of that quantity in the network: the QuTiP residuals are
 * below 1e-14 and qtraj's GMRES stops near 1e-13 relative residual (measured differences up to 2e-12), so 1e-9
 * leaves room for rounding and fails on any real error in the generator or the current formulas.
 */
class NetworkQutipTest {
    private static JsonNode reference;

    private static JsonNode reference() throws Exception {
        if (reference == null) {
            try (InputStream in = NetworkQutipTest.class.getResourceAsStream("/qutip/networks.json")) {
                reference = new ObjectMapper().readTree(in);
            }
        }
        return reference;
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("ring4", "--network ring --sites 4 --anisotropy 0.5 --dephasing 0.3 --bath hot:1:1:2"
                        + " --bath cold:3:0.7:0"),
                Arguments.of("ladder2x3", "--network ladder:2x3 --anisotropy 0.7 --dephasing 0.2 --bath hot:1:1:1.5"
                        + " --bath cold:6:1:0"),
                Arguments.of("star4", "--network star --sites 4 --dephasing 0.1 --bath a:2:1:2 --bath b:3:0.5:0"
                        + " --bath c:4:1:0.5"),
                Arguments.of("fmo", "--network fmo --dephasing 100 --bath pump:1:5:4031 --bath trap:3:5:0"));
    }

    private static double largest(List<Double> values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static void assertClose(List<Double> expected, List<Double> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        double scale = largest(expected);
        assertTrue(scale > 0, what + " is not all zero in the reference");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-9 * scale, what + " [" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void liouvillianAgreesWithQutip(String name, String model) throws Exception {
        JsonNode ref = reference().get(name);
        assertTrue(ref.get("residual").asDouble() < 1e-13, "the reference itself is a steady state");
        List<String> args = new ArrayList<>(List.of("exact", "--method", "liouvillian", "--json"));
        args.addAll(List.of(model.split(" ")));
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode got = new ObjectMapper().readTree(r.out());
        assertEquals(ref.get("sites").asInt(), got.get("sites").asInt());

        List<Double> heatRef = new ArrayList<>();
        List<Double> heatGot = new ArrayList<>();
        List<Double> partRef = new ArrayList<>();
        List<Double> partGot = new ArrayList<>();
        var names = ref.get("baths").fieldNames();
        int count = 0;
        while (names.hasNext()) {
            String bath = names.next();
            count++;
            heatRef.add(ref.get("baths").get(bath).get("heat_current").asDouble());
            partRef.add(ref.get("baths").get(bath).get("particle_current").asDouble());
            heatGot.add(got.get("baths").get(bath).get("heat_current").asDouble());
            partGot.add(got.get("baths").get(bath).get("particle_current").asDouble());
        }
        assertEquals(count, got.get("baths").size(), "the same baths");
        heatRef.add(ref.get("heat_current_dephasing").asDouble());
        heatGot.add(got.get("heat_current_dephasing").asDouble());
        assertClose(heatRef, heatGot, name + " heat currents (baths, then dephasing)");
        assertClose(partRef, partGot, name + " particle currents");
        assertClose(list(ref.get("populations")), list(got.get("populations")), name + " populations");

        // bonds matched by their pair: the currents are counted k -> l as the pair is written
        List<Double> bondRef = new ArrayList<>();
        List<Double> bondGot = new ArrayList<>();
        for (int b = 0; b < ref.get("bonds").size(); b++) {
            JsonNode pair = ref.get("bonds").get(b);
            int found = -1;
            for (int c = 0; c < got.get("bonds").size(); c++) {
                JsonNode p = got.get("bonds").get(c);
                if (p.get(0).asInt() == pair.get(0).asInt() && p.get(1).asInt() == pair.get(1).asInt()) {
                    found = c;
                }
            }
            assertTrue(found >= 0, name + ": qtraj has bond " + pair);
            bondRef.add(ref.get("bond_currents").get(b).asDouble());
            bondGot.add(got.get("bond_currents").get(found).asDouble());
        }
        assertEquals(ref.get("bonds").size(), got.get("bonds").size(), "the same number of bonds");
        assertClose(bondRef, bondGot, name + " bond currents");
    }

    private static List<Double> list(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }
}
