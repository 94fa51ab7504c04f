package org.qtraj.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the report's figures drew from sampled runs: one summary line per run, and every z-score, for the combined
 * chi^2 at the head of REPORT.md. Confined to the thread writing one report.
 */
final class SampledLog {
    private final List<String> summaries = new ArrayList<>();
    private final List<Double> z = new ArrayList<>();

    /** Records an overlay's summaries and z-scores. */
    void add(SampledOverlay overlay) {
        summaries.addAll(overlay.summaries());
        z.addAll(overlay.allZ());
    }

    List<String> summaries() {
        return List.copyOf(summaries);
    }

    /** "All k sampled points together: chi^2/dof = ..., P(chi^2 &lt;= observed) = ..." or "" when there are none. */
    String combined() {
        if (z.isEmpty()) {
            return "";
        }
        double chi2 = z.stream().mapToDouble(v -> v * v).sum();
        double cdf = ReportMath.chiSquareCdf(chi2, z.size());
        return String.format(Locale.ROOT, "All %d sampled points together: chi^2/dof = %.2f, P(chi^2 <= observed) = %.2f, "
                + "P(chi^2 >= observed) = %.2f: %s", z.size(), chi2 / z.size(), cdf, 1 - cdf,
                cdf < 0.01 ? "the error bars look too large (below the 1% lower tail)"
                        : 1 - cdf < 0.01 ? "the error bars look too small or the means biased (beyond the 1% upper tail)"
                        : "no sign at the 1% level, in either tail, that the error bars are too large or too small");
    }
}
