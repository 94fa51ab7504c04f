/**
 * Figures (XChart, PNG and SVG) and REPORT.md, made from finished run directories: the paper's figures and its
 * "paper says / qtraj finds / independent evidence" table ({@link org.qtraj.report.PaperReport}, one class per
 * section: Fig2Section, Fig3Section, Fig4Section, DisorderSection, AppendixBSection, RelaxationFigure), sampled
 * estimates with error bars overlaid on exact curves with their z-scores and chi^2, and the power-law fit of
 * Appendix B. It reads {@code manifest.json} and {@code results.jsonl} ({@link org.qtraj.report.RunResults}); beside
 * them it evaluates exact solvers for what a referee asks of each claim: maxima by golden-section search on the
 * closed form, analytic exponents, the boundary of Fig. 4 by bisection, and independent checks (correlation solver
 * to N = 1000, Liouvillian to N = 8), about half a minute on 2 cores.
 *
 * <p>The network picture ({@link org.qtraj.report.NetworkPicture}) draws a steady state it is handed as plain arrays.
 *
 * <p>Depends on: exact (solvers, the entanglement search), model (chains, thermal occupations), stats (z-scores),
 * errors and io (atomic writes) (besides XChart and Jackson). Used by cli.
 *
 * <p>Thread-safety: the records ({@link org.qtraj.report.RunResults}, {@link org.qtraj.report.PowerLawFit}) are
 * immutable in use; a report is built by one {@link org.qtraj.report.PaperReport#write} call, confined to its
 * thread, so reports into different directories may be written concurrently.
 */
package org.qtraj.report;
