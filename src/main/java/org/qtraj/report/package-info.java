/**
 * Figures (XChart, PNG and SVG) and REPORT.md, made from finished run directories: the paper's figures and its
 * "paper says / qtraj finds" table ({@link org.qtraj.report.PaperReport}), sampled estimates with error bars
 * overlaid on exact curves with their z-scores, the relaxation section, and the power-law fit of Appendix B. It
 * reads {@code manifest.json} and {@code results.jsonl} ({@link org.qtraj.report.RunResults}) and runs nothing.
 *
 * The network picture ({@link org.qtraj.report.NetworkPicture}) draws a steady state it is handed as plain arrays.
 * <p>Depends on: errors and io (atomic writes) only (besides XChart and Jackson); the result files are its whole
 * interface to the rest of qtraj. Used by cli.
 *
 * <p>Thread-safety: the records ({@link org.qtraj.report.RunResults}, {@link org.qtraj.report.PowerLawFit}) are
 * immutable in use; a report is built by one {@link org.qtraj.report.PaperReport#write} call, confined to its
 * thread, so reports into different directories may be written concurrently.
 */
package org.qtraj.report;
