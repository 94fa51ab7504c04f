package org.qtraj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CountCumulantsTest {

    /** k-statistics from raw power sums (Kendall and Stuart 12.9), an independent formula. */
    private static double k(long[] x, int order) {
        double n = x.length;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (long v : x) {
            s1 += v;
            s2 += (double) v * v;
            s3 += (double) v * v * v;
        }
        return switch (order) {
            case 1 -> s1 / n;
            case 2 -> (n * s2 - s1 * s1) / (n * (n - 1));
            default -> (2 * s1 * s1 * s1 - 3 * n * s1 * s2 + n * n * s3) / (n * (n - 1) * (n - 2));
        };
    }

    /** Brute-force delete-one jackknife standard error. */
    private static double jack(long[] x, java.util.function.ToDoubleFunction<long[]> stat) {
        int n = x.length;
        double[] t = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            long[] y = new long[n - 1];
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    y[m++] = x[j];
                }
            }
            t[i] = stat.applyAsDouble(y);
            mean += t[i] / n;
        }
        double ss = 0;
        for (double v : t) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt((n - 1.0) / n * ss);
    }

    private static long[] sample(long seed, int n) {
        Random r = new Random(seed);
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            // skewed integers: a Poisson-like count plus an offset far from zero (exercises the shift)
            x[i] = 1000 + (long) Math.floor(-8 * Math.log(1 - r.nextDouble()));
        }
        return x;
    }

    @Test
    void kStatisticsAndJackknifeMatchTheDirectFormulas() {
        long[] x = sample(7, 300);
        CountCumulants c = CountCumulants.of(x);
        for (int order = 1; order <= 3; order++) {
            final int o = order;
            Estimate e = c.cumulant(order);
            assertEquals(k(x, order), e.value(), 1e-9 * Math.max(1, Math.abs(k(x, order))), "k" + order);
            assertEquals(jack(x, y -> k(y, o)), e.error(), 1e-7 * jack(x, y -> k(y, o)), "jackknife k" + order);
        }
        double fano = k(x, 2) / k(x, 1);
        assertEquals(fano, c.fano().value(), 1e-12);
        assertEquals(jack(x, y -> k(y, 2) / k(y, 1)), c.fano().error(), 1e-7 * c.fano().error());
    }

    @Test
    void kStatisticsAreUnbiasedForPoissonCounts() {
        // Poisson(mu): every cumulant is mu. 400 samples of size 50; the mean of k_j over them has standard
        // error sd(k_j)/20, and |z| < 4 fails with probability 6e-5 per cumulant for normal errors.
        double mu = 3.5;
        Random r = new Random(11);
        double[] sum = new double[4];
        double[] sum2 = new double[4];
        int reps = 400;
        for (int rep = 0; rep < reps; rep++) {
            long[] x = new long[50];
            for (int i = 0; i < x.length; i++) {
                double l = Math.exp(-mu);
                double p = r.nextDouble();
                long kk = 0;
                while (p > l) {
                    p *= r.nextDouble();
                    kk++;
                }
                x[i] = kk;
            }
            CountCumulants c = CountCumulants.of(x);
            for (int o = 1; o <= 3; o++) {
                double v = c.cumulant(o).value();
                sum[o] += v;
                sum2[o] += v * v;
            }
        }
        for (int o = 1; o <= 3; o++) {
            double m = sum[o] / reps;
            double se = Math.sqrt((sum2[o] / reps - m * m) / (reps - 1));
            assertTrue(Math.abs(m - mu) < 4 * se, "k" + o + " mean " + m + " +- " + se);
        }
    }

    @Test
    void mergeIsOrderIndependentAndExact() {
        long[] x = sample(3, 100);
        CountCumulants a = CountCumulants.EMPTY;
        CountCumulants b = CountCumulants.EMPTY;
        for (int i = 0; i < x.length; i++) {
            a = a.merge(CountCumulants.of(x[i]));
            b = b.merge(CountCumulants.of(x[x.length - 1 - i]));
        }
        assertEquals(CountCumulants.of(x).frequencies(), a.frequencies());
        assertEquals(a.frequencies(), b.frequencies());
        assertEquals(a.cumulant(3), b.cumulant(3));
        MeanVar m = MeanVar.of(java.util.Arrays.stream(x).asDoubleStream().toArray());
        assertEquals(m.mean(), a.meanVar(1).mean(), 1e-9);
        assertEquals(m.variance(), a.meanVar(1).variance(), 1e-9);
    }

    @Test
    void tooSmallSamplesGiveNaN() {
        assertTrue(Double.isNaN(CountCumulants.of(1, 2).cumulant(3).value()));
        assertTrue(Double.isNaN(CountCumulants.of(1, 2, 4).cumulant(3).error()));
        assertEquals(7.0 / 3, CountCumulants.of(1, 2, 4).cumulant(1).value(), 1e-15);
    }

    @Test
    void lagCorrelationSeesAnAlternatingSeriesAndNotAnIndependentOne() {
        long[] alt = new long[200];
        for (int i = 0; i < alt.length; i++) {
            alt[i] = i % 2 == 0 ? 5 : -5;
        }
        assertEquals(-1, LagCorrelation.of(alt).r(), 1e-12);
        long[] iid = sample(5, 2000);
        // independent: z ~ N(0, 1); |z| < 4 fails with probability 6e-5
        assertTrue(Math.abs(LagCorrelation.of(iid).z()) < 4);
        LagCorrelation halves = LagCorrelation.of(java.util.Arrays.copyOf(iid, 1000))
                .merge(LagCorrelation.of(java.util.Arrays.copyOfRange(iid, 1000, 2000)));
        assertEquals(1998, halves.pairs());
    }
}
