package org.qtraj.cli;

import java.nio.file.Path;
import org.qtraj.model.BathSpec;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelFiles;
import org.qtraj.model.ModelSpec;
import org.qtraj.model.NetworkSpec;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.PerElement;
import picocli.CommandLine.Option;

/**
 * The model options every command shares (DESIGN.md). Unset options are null, so that a model file can
 * supply them; command-line values override the file. A picocli mixin; not thread-safe: filled by picocli and used
 * by its command on one thread. Each call of {@link #spec} reads the model file again.
 */
public final class ModelOptions {
    @Option(names = "--sites", paramLabel = "N", description = "Number of two-level systems in the chain (default 4).")
    Integer sites;

    @Option(names = "--omega", paramLabel = "W", description = "On-site energy omega of every site, > 0 (default 1).")
    Double omega;

    @Option(names = "--coupling", paramLabel = "G", description = "Nearest-neighbour XX (hopping) coupling g of every bond (default 1).")
    Double coupling;

    @Option(names = "--anisotropy", paramLabel = "D", description = "Nearest-neighbour ZZ coupling D sz sz; D != 0 makes the chain interacting (default 0).")
    Double anisotropy;

    @Option(names = "--dephasing", paramLabel = "GAMMA", description = "Dephasing rate on every site, jump sqrt(gamma) n_k (default 0).")
    Double dephasing;

    @Option(names = "--rate-left", paramLabel = "G", description = "Coupling rate G of the left bath (default 1).")
    Double rateLeft;

    @Option(names = "--rate-right", paramLabel = "G", description = "Coupling rate G of the right bath (default 1).")
    Double rateRight;

    @Option(names = "--temp-left", paramLabel = "T", description = "Temperature of the left bath, >= 0 (default 1).")
    Double tempLeft;

    @Option(names = "--temp-right", paramLabel = "T", description = "Temperature of the right bath, >= 0 (default 0).")
    Double tempRight;

    @Option(names = "--hopping", paramLabel = "V", description = "Hopping rate V of the classical exclusion process (default 1).")
    Double hopping;

    @Option(names = "--network", paramLabel = "SHAPE", description = "The sites' graph instead of the chain: ring,"
            + " complete, star (N from --sites), ladder:LxR (legs x rungs), grid:RxC (rows x columns), or fmo (the"
            + " 7-site FMO complex, energies and couplings in cm^-1); per-bond values are then per edge.")
    String network;

    @Option(names = "--bath", paramLabel = "NAME:SITE:RATE:TEMP", description = "A named bath on a site (1-based)"
            + " with rate G and temperature T; repeatable. Naming any bath other than left and right gives the model"
            + " exactly the baths named (e.g. --bath pump:1:5:4031 --bath trap:3:5:0).")
    java.util.List<String> baths;

    @Option(names = "--model", paramLabel = "FILE", description = "YAML or JSON model file: per-site/per-bond lists, baths, or a disorder recipe with its seed; options given here override it.")
    Path model;

    /** The specification from the file (if any) with the command-line options on top. */
    public ModelSpec spec() {
        ModelSpec base = model == null ? ModelSpec.empty() : ModelFiles.load(model);
        ModelSpec cli = new ModelSpec(sites, scalar(omega), scalar(coupling), scalar(anisotropy), scalar(dephasing),
                scalar(hopping), new BathSpec(null, rateLeft, tempLeft), new BathSpec(null, rateRight, tempRight), null);
        if (network != null) {
            cli = cli.withNetwork(NetworkSpec.parse(network));
        }
        for (String b : baths == null ? java.util.List.<String>of() : baths) {
            String[] f = b.split(":", -1);
            if (f.length != 4) {
                throw new InvalidInputException("bath", "must be NAME:SITE:RATE:TEMP, e.g. trap:3:5:0, got '" + b + "'");
            }
            cli = cli.withBath(f[0], new BathSpec(parseInt(f[1], b), parseNumber(f[2], b), parseNumber(f[3], b)));
        }
        return base.overlay(cli);
    }

    /** The validated chain. */
    public Chain chain() {
        return spec().build();
    }

    private static int parseInt(String text, String whole) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("bath", "SITE must be a whole number in NAME:SITE:RATE:TEMP, got '" + whole + "'");
        }
    }

    private static double parseNumber(String text, String whole) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("bath", "RATE and TEMP must be numbers in NAME:SITE:RATE:TEMP, got '" + whole
                    + "'");
        }
    }

    private static PerElement scalar(Double value) {
        return value == null ? null : PerElement.of(value);
    }
}
