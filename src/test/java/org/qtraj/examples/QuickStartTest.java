package org.qtraj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.exact.ClosedForm;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Chain;

/**
 * examples/QuickStart.java, the program the README shows under "Use qtraj from Java", compiles against the library
 * and runs: so the README's example cannot rot. Its numbers are checked against independent exact values.
 */
class QuickStartTest {
    private static final Path EXAMPLE = Path.of("examples", "QuickStart.java");

    @TempDir
    Path classes;

    @Test
    void theReadmeExampleCompilesRunsAndAgreesWithTheExactValues() throws Exception {
        assertTrue(Files.exists(EXAMPLE), "examples/QuickStart.java is missing");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "needs a JDK");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-Xlint:all", "-Werror", EXAMPLE.toString());
        assertEquals(0, rc, "the example does not compile cleanly:\n" + diagnostics.toString(StandardCharsets.UTF_8));

        String out = run();
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        // the exact line: the closed form of PHYSICS.md, computed here independently of the example
        Chain chain = Chain.builder().sites(4).dephasing(0.5).build();
        double exact = new ClosedForm().solve(chain).heatCurrentLeft();
        assertTrue(lines.get(0).startsWith("exact (closed): heat current "), lines.get(0));
        assertEquals(exact, number(lines.get(0), "heat current ([-0-9.]+)"), 5e-7);
        // both stochastic lines: |z| < 4 against the exact value (false alarm 6.3e-5 each; fixed seed 42)
        double rate = new RateEquations().solve(chain).heatCurrentLeft();
        assertEquals(rate, number(lines.get(2), "rate equations ([-0-9.]+)"), 5e-7);
        for (String line : lines.subList(1, 3)) {
            double z = number(line, "z = ([-0-9.]+)");
            assertTrue(Math.abs(z) < 4, line);
            double value = number(line, "heat current ([-0-9.]+)");
            double error = number(line, "\\+- ([0-9.]+)");
            assertTrue(error > 0 && error <= 0.021 * Math.abs(value), "2% target error reached: " + line);
        }
    }

    private String run() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
             PrintStream ps = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static double number(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        assertTrue(m.find(), regex + " not in: " + line);
        return Double.parseDouble(m.group(1));
    }
}
