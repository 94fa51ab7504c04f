package org.qtraj.report;

/**
 * Least-squares fit of ln J = c + (alpha - 1) ln N (paper Appendix B) and its Pearson correlation coefficient
 * R of (ln N, ln J); the paper quotes |R|. Immutable.
 *
 * @param c     intercept
 * @param slope alpha - 1
 * @param r     Pearson correlation coefficient of (ln N, ln J) (negative for a falling current)
 * @param n     number of points
 */
public record PowerLawFit(double c, double slope, double r, int n) {

    /** alpha = 1 + slope (the paper's J ~ N^(alpha - 1)). */
    public double alpha() {
        return 1 + slope;
    }

    /**
     * Fits points with N in [nMin, nMax] (inclusive). The arrays are only read.
     *
     * @param sizes    N of each point
     * @param currents J of each point, same length
     * @param nMin     smallest N used
     * @param nMax     largest N used
     * @return the fit
     *
     * @throws IllegalArgumentException if fewer than 3 points lie in the range or any J there is not positive
     */
    public static PowerLawFit fit(double[] sizes, double[] currents, double nMin, double nMax) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < nMin || sizes[i] > nMax) {
                continue;
            }
            if (!(currents[i] > 0) || !(sizes[i] > 0)) {
                throw new IllegalArgumentException("power-law fit needs positive N and J, got N = " + sizes[i] + ", J = " + currents[i]);
            }
            double x = Math.log(sizes[i]);
            double y = Math.log(currents[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            n++;
        }
        if (n < 3) {
            throw new IllegalArgumentException("power-law fit needs >= 3 points in [" + nMin + ", " + nMax + "], got " + n);
        }
        double cxx = sxx - sx * sx / n;
        double cyy = syy - sy * sy / n;
        double cxy = sxy - sx * sy / n;
        double slope = cxy / cxx;
        double c = (sy - slope * sx) / n;
        double r = cxy / Math.sqrt(cxx * cyy);
        return new PowerLawFit(c, slope, r, n);
    }
}
