package org.qtraj.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The "paper says / qtraj finds / independent evidence / verdict" table of REPORT.md, filled by the sections in
 * order, and the closing note: every verdict that differs from the one the report gave before it was refereed
 * (issue 18), with the reason. Confined to the thread writing one report.
 */
final class Claims {
    /** One row. {@code before} is the verdict of the report before issue 18 (null for a new row). */
    record Row(String claim, String paper, String finds, String evidence, String verdict, String before, String why) {
    }

    private final List<Row> rows = new ArrayList<>();

    /**
     * Adds a row.
     *
     * @param claim    the paper's claim
     * @param paper    what the paper says, quoted or paraphrased (never a number it does not print)
     * @param finds    what qtraj finds
     * @param evidence the independent method(s) behind the finding and the agreement reached
     * @param verdict  yes, no or partly
     * @param before   the verdict before issue 18 (null for a new row)
     * @param why      why the verdict changed (used when it differs from {@code before})
     */
    void add(String claim, String paper, String finds, String evidence, String verdict, String before, String why) {
        rows.add(new Row(claim, paper, finds, evidence, verdict, before, why));
    }

    /** The markdown table. */
    String table() {
        StringBuilder md = new StringBuilder("| claim | paper says | qtraj finds | independent evidence | agree? |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(cell(r.claim())).append(" | ").append(cell(r.paper())).append(" | ").append(cell(r.finds()))
                    .append(" | ").append(cell(r.evidence())).append(" | ").append(r.verdict()).append(" |\n");
        }
        return md.toString();
    }

    /** The closing note: each verdict that changed (or row that is new or gone) and why. */
    String changes(List<String> removed) {
        StringBuilder md = new StringBuilder();
        for (Row r : rows) {
            if (r.before() == null) {
                md.append("- new row: ").append(r.claim()).append(": ").append(r.verdict()).append(". ").append(sentence(r.why())).append('\n');
            } else if (!r.before().equals(r.verdict())) {
                md.append("- ").append(r.claim()).append(": ").append(r.before()).append(" -> ").append(r.verdict()).append(". ")
                        .append(sentence(r.why())).append('\n');
            }
        }
        for (String s : removed) {
            md.append("- removed row: ").append(s).append('\n');
        }
        return md.toString();
    }

    /** The reason as a sentence: capital first letter, full stop. */
    private static String sentence(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    private static String cell(String s) {
        // A bare | would end a markdown table cell.
        return s.replace("|", "\\|");
    }
}
