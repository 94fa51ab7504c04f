package org.qtraj.cli;

import java.util.Locale;
import java.util.Map;
import org.qtraj.exact.BathCurrent;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.counting.LargeDeviations;

/** Plain-text tables for the terminal. */
final class Tables {
    private Tables() {
    }

    /** A number with 12 significant digits. */
    static String num(double x) {
        return String.format(Locale.ROOT, "%.12g", x);
    }

    static String exact(ExactResult r) {
        StringBuilder sb = new StringBuilder();
        row(sb, "method", r.method());
        row(sb, "sites", Integer.toString(r.sites()));
        boolean leftRight = r.baths().size() == 2 && r.baths().get(0).name().equals("left")
                && r.baths().get(1).name().equals("right");
        if (leftRight) {
            row(sb, "heat current left", num(r.heatCurrentLeft()));
            row(sb, "heat current right", num(r.heatCurrentRight()));
        } else {
            for (BathCurrent b : r.baths()) {
                row(sb, "heat current " + b.name(), num(b.heatCurrent()));
            }
        }
        row(sb, "heat current dephasing", num(r.heatCurrentDephasing()));
        if (leftRight) {
            row(sb, "particle current left", num(r.particleCurrentLeft()));
            row(sb, "particle current right", num(r.particleCurrentRight()));
        } else {
            for (BathCurrent b : r.baths()) {
                row(sb, "particle current " + b.name(), num(b.particleCurrent()));
            }
        }
        row(sb, "local heat current", num(r.localHeatCurrent()));
        double[] bond = r.bondCurrents();
        int[][] pairs = r.bonds();
        for (int b = 0; b < Math.min(bond.length, 40); b++) {
            row(sb, "bond " + pairs[b][0] + " -> " + pairs[b][1], num(bond[b]));
        }
        if (bond.length > 40) {
            row(sb, "", "... (" + bond.length + " bonds; --json for all)");
        }
        double[] p = r.populations();
        StringBuilder pops = new StringBuilder();
        int shown = Math.min(p.length, 12);
        for (int k = 0; k < shown; k++) {
            pops.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f", p[k]));
        }
        if (shown < p.length) {
            pops.append(" ... ").append(String.format(Locale.ROOT, "%.6f", p[p.length - 1]))
                    .append(" (").append(p.length).append(" sites; --json for all)");
        }
        row(sb, "populations", pops.toString());
        for (Map.Entry<String, Double> e : r.extras().entrySet()) {
            row(sb, e.getKey().replace('_', ' '), num(e.getValue()));
        }
        row(sb, "elapsed", String.format(Locale.ROOT, "%.3f s", r.elapsedSeconds()));
        return sb.toString();
    }

    static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-24s %s%n", label, value));
    }

    /** theta(s) with its residual, then the rate function I(j) on its valid range. */
    static String theta(LargeDeviations.Point[] points, LargeDeviations.RateFunction rf, double affinity) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%10s %20s %10s%n", "s", "theta(s)", "residual"));
        for (LargeDeviations.Point p : points) {
            sb.append(String.format(Locale.ROOT, "%10.5f %20.12g %10.2e%n", p.s(), p.theta(), p.residual()));
        }
        sb.append(String.format(Locale.ROOT, "%n%20s %20s%n", "j", "I(j)"));
        for (int i = 0; i < rf.j().length; i++) {
            sb.append(String.format(Locale.ROOT, "%20.12g %20.12g%n", rf.j()[i], rf.rate()[i]));
        }
        sb.append(String.format(Locale.ROOT, "I(j) valid for j in [%.6g, %.6g]%n", rf.jMin(), rf.jMax()));
        if (Double.isFinite(affinity)) {
            sb.append(String.format(Locale.ROOT, "affinity A = %.12g (theta(s) = theta(-s - A))%n", affinity));
        }
        return sb.toString();
    }
}
