package org.qtraj.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.errors.InvalidInputException;

class ModelFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsPerSiteListsAndBathsFromYaml() throws IOException {
        Chain c = ModelFiles.load(write("m.yaml", """
                omega: [1, 1.2, 0.9]
                coupling: [0.5, 0.7]
                dephasing: 0.1
                baths:
                  left: {site: 1, rate: 2, temperature: 3}
                  right: {site: 3, rate: 0.5}
                """)).build();
        assertEquals(3, c.sites());
        assertArrayEquals(new double[] {1, 1.2, 0.9}, c.omegas());
        assertArrayEquals(new double[] {0.5, 0.7}, c.couplings());
        assertEquals(new Bath(0, 2, 3), c.left());
        assertEquals(new Bath(2, 0.5, 0), c.right());
    }

    @Test
    void readsJsonToo() throws IOException {
        Chain c = ModelFiles.load(write("m.json", "{\"sites\": 3, \"anisotropy\": 1.5}")).build();
        assertArrayEquals(new double[] {1.5, 1.5}, c.anisotropies());
    }

    @Test
    void commandLineLayerOverridesTheFile() throws IOException {
        ModelSpec file = ModelFiles.load(write("m.yaml", "sites: 6\ndephasing: 0.2\n"));
        Chain c = file.overlay(new ModelSpec(null, null, null, null, PerElement.of(0.9), null, null, null, null)).build();
        assertEquals(6, c.sites());
        assertEquals(0.9, c.dephasing(3));
    }

    @Test
    void disorderIsReproducibleAndInRange() throws IOException {
        String text = "sites: 5\ndisorder: {seed: 42, omega: [0, 1], coupling: [0, 1]}\n";
        Chain a = ModelFiles.load(write("a.yaml", text)).build();
        Chain b = ModelFiles.load(write("b.yaml", text)).build();
        assertEquals(a, b);
        for (double w : a.omegas()) {
            assertTrue(w > 0 && w <= 1);
        }
        Chain other = ModelFiles.load(write("c.yaml", text.replace("42", "43"))).build();
        assertNotEquals(a, other);
    }

    @Test
    void refusesUnknownKeysByName() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(write("m.yaml", "sites: 3\nomgea: 1\n")));
        assertEquals("omgea", e.field());
        e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(write("m.yaml", "baths: {left: {temp: 1}}\n")));
        assertEquals("baths.left.temp", e.field());
    }

    @Test
    void saysWhereTheSyntaxErrorIs() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(write("m.yaml", "sites: [3\nomega: 1\n")));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> ModelFiles.load(dir.resolve("missing.yaml")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void validatesListLengthsBathSitesAndValues() throws IOException {
        assertEquals("coupling", assertThrows(InvalidInputException.class,
                () -> ModelFiles.load(write("m.yaml", "sites: 4\ncoupling: [1, 1]\n")).build()).field());
        assertEquals("baths.right.site", assertThrows(InvalidInputException.class,
                () -> ModelFiles.load(write("m.yaml", "sites: 4\nbaths: {right: {site: 5}}\n")).build()).field());
        assertEquals("dephasing", assertThrows(InvalidInputException.class,
                () -> ModelFiles.load(write("m.yaml", "dephasing: -0.1\n")).build()).field());
        assertEquals("omega", assertThrows(InvalidInputException.class,
                () -> ModelFiles.load(write("m.yaml", "omega: 1e999\n")).build()).field());
        assertEquals("sites", assertThrows(InvalidInputException.class,
                () -> ModelFiles.load(write("m.yaml", "sites: 2.5\n"))).field());
    }
}
