package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --plot FILE} of exact and simulate through the real command line: the SVG parses as XML, has one arrow per
 * bond whose stroke widths are ordered as the exact bond currents of the JSON document and whose direction follows
 * each current's sign; the PNG decodes; a file that is neither .svg nor .png is refused before any work.
 */
class NetworkPictureCommandTest {
    @TempDir
    Path dir;

    private static final String[] RING = {"--network", "ring", "--sites", "5", "--anisotropy", "0.5",
        "--dephasing", "0.3", "--bath", "hot:1:1:2", "--bath", "cold:3:1:0", "--bath", "warm:4:0.5:1"};

    private static String[] args(String command, String[] model, String... more) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(model));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    /** The bond groups of the SVG: {from, to, current, width of its line}. */
    private static List<double[]> bonds(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList groups = doc.getElementsByTagName("g");
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").equals("bond")) {
                continue;
            }
            Element line = (Element) g.getElementsByTagName("line").item(0);
            assertNotNull(line, "every arrow has a shaft");
            assertEquals(1, g.getElementsByTagName("polygon").getLength(), "every arrow has one head");
            Element head = (Element) g.getElementsByTagName("polygon").item(0);
            String[] tip = head.getAttribute("points").split(" ")[0].split(",");
            double x1 = Double.parseDouble(line.getAttribute("x1"));
            double x2 = Double.parseDouble(line.getAttribute("x2"));
            double y1 = Double.parseDouble(line.getAttribute("y1"));
            double y2 = Double.parseDouble(line.getAttribute("y2"));
            // the head's tip lies beyond the shaft's end, away from its start: the arrow's direction
            double along = (Double.parseDouble(tip[0]) - x2) * (x2 - x1) + (Double.parseDouble(tip[1]) - y2) * (y2 - y1);
            out.add(new double[] {Double.parseDouble(g.getAttribute("data-from")),
                Double.parseDouble(g.getAttribute("data-to")), Double.parseDouble(g.getAttribute("data-current")),
                Double.parseDouble(line.getAttribute("stroke-width")), along, x1, y1});
        }
        return out;
    }

    @Test
    void theSvgHasOneArrowPerBondWithWidthsOrderedAsTheExactCurrents() throws Exception {
        Path svg = dir.resolve("ring.svg");
        CliRunner r = CliRunner.run(args("exact", RING, "--json", "--plot", svg.toString()));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out());
        JsonNode currents = d.get("bond_currents");
        List<double[]> bonds = bonds(svg);
        assertEquals(currents.size(), bonds.size(), "one arrow per bond");
        double top = 0;
        for (JsonNode c : currents) {
            top = Math.max(top, Math.abs(c.asDouble()));
        }
        for (int b = 0; b < bonds.size(); b++) {
            double[] g = bonds.get(b);
            assertArrayEquals(new double[] {d.get("bonds").get(b).get(0).asDouble(), d.get("bonds").get(b).get(1).asDouble()},
                    new double[] {g[0], g[1]});
            assertEquals(currents.get(b).asDouble(), g[2], 1e-15 * top);
            // width proportional to |I|, the widest 12 px (the SVG keeps 6 significant digits)
            assertEquals(12 * Math.abs(g[2]) / top, g[3], 1e-4);
            assertTrue(g[4] > 0, "the head points along the shaft");
            for (int c = 0; c < bonds.size(); c++) {
                if (Math.abs(g[2]) > Math.abs(bonds.get(c)[2]) * (1 + 1e-9)) {
                    assertTrue(g[3] > bonds.get(c)[3], "widths ordered as |currents|");
                }
            }
        }
        String text = Files.readString(svg);
        for (String bath : new String[] {"hot", "cold", "warm"}) {
            assertTrue(text.contains(">" + bath + "</text>"), "bath name " + bath + " beside its site");
        }
        assertTrue(text.contains("population n_k"), "colour bar");
        assertEquals(5, text.split("class=\"site\"", -1).length - 1, "one disc per site");
    }

    @Test
    void anArrowStartsAtTheSiteTheCurrentLeaves() throws Exception {
        // the ring's bond 5 -> 1 carries a negative current (README: -0.0443): its arrow starts at site 1
        Path svg = dir.resolve("ring.svg");
        assertEquals(0, CliRunner.run(args("exact", RING, "--plot", svg.toString())).exitCode());
        String text = Files.readString(svg);
        double[] last = bonds(svg).get(4);
        assertEquals(5, last[0]);
        assertTrue(last[2] < 0);
        // site 1's disc is the first circle; the shaft starts one radius (20 px) from its centre
        int at = text.indexOf("class=\"site\"");
        String circle = text.substring(at, text.indexOf("/>", at));
        double cx = Double.parseDouble(circle.replaceAll(".*cx=\"([-0-9.]+)\".*", "$1"));
        double cy = Double.parseDouble(circle.replaceAll(".*cy=\"([-0-9.]+)\".*", "$1"));
        assertEquals(20, Math.hypot(last[5] - cx, last[6] - cy), 0.05);
    }

    @Test
    void thePngDecodesAndSimulateSaysWhereItsBondCurrentsComeFrom() throws Exception {
        Path png = dir.resolve("chain.png");
        CliRunner r = CliRunner.run("simulate", "--sites", "3", "--trajectories", "40", "--seed", "3",
                "--plot", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "PNG decodes");
        assertTrue(img.getWidth() > 400 && img.getHeight() > 300);
        Path svg = dir.resolve("chain.svg");
        assertEquals(0, CliRunner.run("simulate", "--sites", "3", "--trajectories", "40", "--seed", "3",
                "--plot", svg.toString()).exitCode());
        String text = Files.readString(svg);
        assertTrue(text.contains("bond currents from the exact reference (closed)"), "title names the source");
        // the closed form gives no bond currents: continuity on a chain makes both equal the left bath's current
        List<double[]> bonds = bonds(svg);
        assertEquals(2, bonds.size());
        assertEquals(bonds.get(0)[2], bonds.get(1)[2], 1e-12);
        assertTrue(bonds.get(0)[2] > 0);
    }

    @Test
    void withoutAnExactReferenceSimulateDrawsTheTrajectoriesBondCurrents() throws Exception {
        // a 4x4 grid (N = 16) is beyond the Liouvillian's quick reference: the bond currents come from the trajectories
        Path svg = dir.resolve("grid.svg");
        CliRunner r = CliRunner.run("simulate", "--network", "grid:4x4", "--bath", "hot:1:1:2", "--bath", "cold:16:1:0",
                "--trajectories", "6", "--t-total", "20", "--seed", "1", "--json", "--plot", svg.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out());
        String text = Files.readString(svg);
        assertTrue(text.contains("bond currents from the trajectories (no exact reference)"), "title names the source");
        List<double[]> bonds = bonds(svg);
        assertEquals(24, bonds.size());
        for (double[] b : bonds) {
            JsonNode est = d.get("bond_current_" + (int) b[0] + "_" + (int) b[1]);
            assertNotNull(est, "estimator of bond " + (int) b[0] + "-" + (int) b[1]);
            assertEquals(est.get("mean").asDouble(), b[2], 1e-12 * (1 + Math.abs(b[2])));
        }
    }

    @Test
    void aForceLayoutPlacesAGraphWithoutPositionsDeterministically() throws Exception {
        Path model = dir.resolve("edges.yaml");
        Files.writeString(model, "edges: [[1, 2], [2, 3], [3, 1], [3, 4]]\ndephasing: 0.2\nbaths:\n"
                + "  hot: {site: 1, rate: 1, temperature: 2}\n  cold: {site: 4, rate: 1, temperature: 0}\n");
        Path a = dir.resolve("a.svg");
        Path b = dir.resolve("b.svg");
        assertEquals(0, CliRunner.run("exact", "--model", model.toString(), "--plot", a.toString()).exitCode());
        assertEquals(0, CliRunner.run("exact", "--model", model.toString(), "--plot", b.toString()).exitCode());
        assertEquals(Files.readString(a), Files.readString(b));
        assertEquals(4, bonds(a).size());
    }

    @Test
    void aBadExtensionIsRefusedBeforeAnyWorkWithOneLine() {
        for (String cmd : new String[] {"exact", "simulate"}) {
            Path bad = dir.resolve("net.pdf");
            Path json = dir.resolve("out.json");
            CliRunner r = CliRunner.run(cmd, "--sites", "3", "--trajectories", "5", "--plot", bad.toString(),
                    "--out", json.toString());
            if (cmd.equals("exact")) {
                r = CliRunner.run(cmd, "--sites", "3", "--plot", bad.toString(), "--out", json.toString());
            }
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("qtraj: --plot: the picture's file must end in .svg or .png"), r.err());
            assertEquals(1, r.err().strip().lines().count());
            assertFalse(Files.exists(bad));
            assertFalse(Files.exists(json));
            assertEquals("", r.out());
        }
        CliRunner r = CliRunner.run("simulate", "--sites", "3", "--times", "0:1:3", "--plot", dir.resolve("x.svg").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("qtraj: --plot: "), r.err());
    }
}
