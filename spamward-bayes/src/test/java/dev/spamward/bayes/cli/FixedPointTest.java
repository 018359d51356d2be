package dev.spamward.bayes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedPointTest {

    private static void same(double v) {
        assertThat(FixedPoint.sixPlaces(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.6f", v));
    }

    @Test
    void edgeValuesMatchTheFormatter() {
        double[] values = {0, -0.0, 1, 0.5, 0.8, 0.2, 1e-6, 5e-7, 4.9999999e-7, 4.5e-7, 0.0000005, 0.9999995, 0.99999949,
            0.1234565, 0.1234575, 1.1102230246251565E-15, 9.999999999e-1, 12.5, 999999.9999995, 123456789.123, 1e20, 1e-300,
            Double.MIN_VALUE, Double.MAX_VALUE, -0.5, -1e-9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : values) same(v);
    }

    @Test
    void randomValuesMatchTheFormatter() {
        SplittableRandom r = new SplittableRandom(20261121);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble();                                  // scores
                case 1 -> Math.round(r.nextDouble() * 1e7) / 1e7;          // ties at the seventh place
                case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(-12, 12));
                default -> Double.longBitsToDouble(r.nextLong());         // anything
            };
            same(v);
        }
    }
}
