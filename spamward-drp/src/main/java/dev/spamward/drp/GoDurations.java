package dev.spamward.drp;

import dev.spamward.core.config.ValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as gozer's deployments write them, accepted the same way in files, environment and flags
 * (gozer itself takes float seconds in the environment and Go durations in flags): a bare number is
 * seconds ({@code 6}, {@code 2.5}, {@code -1}); otherwise a Go duration ({@code 6s}, {@code 5m0s},
 * {@code 1h30m}, {@code 250ms}, {@code 1.5s}; units ns, us, µs, ms, s, m, h, d). Negative values parse,
 * so that the caller can clamp them as gozer does.
 */
final class GoDurations {
    private static final Pattern SECONDS = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d)");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GoDurations() {
    }

    static ValueType<Duration> type() {
        return ValueType.of("seconds (6, 2.5) or a duration like 500ms, 6s, 5m0s, 1h30m", GoDurations::parse);
    }

    static Duration parse(String text) {
        String s = text.strip();
        Duration d = integral(s);
        return d != null ? d : exact(s);
    }

    /**
     * The integral forms ({@code 6}, {@code 300s}, {@code 5m0s}) in long arithmetic, or null (a fraction, an
     * overflow, a syntax error): every CLI start parses the defaults, and BigDecimal's first use costs ~10 ms.
     */
    private static Duration integral(String s) {
        if (s.indexOf('.') >= 0) return null;
        try {
            if (SECONDS.matcher(s).matches()) return Duration.ofNanos(Math.multiplyExact(Long.parseLong(s), NANOS_PER_SECOND));
            boolean negative = s.startsWith("-");
            String rest = negative || s.startsWith("+") ? s.substring(1) : s;
            Matcher m = PART.matcher(rest);
            long total = 0;
            int at = 0;
            while (at < rest.length() && m.find(at) && m.start() == at) {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(m.group(1)), unitNanos(m.group(2))));
                at = m.end();
            }
            if (at == 0 || at != rest.length()) return null;
            return Duration.ofNanos(negative ? -total : total);
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** Any form, exactly (fractions of any unit). */
    private static Duration exact(String s) {
        BigDecimal nanosPerSecond = BigDecimal.valueOf(NANOS_PER_SECOND);
        if (SECONDS.matcher(s).matches()) return nanos(new BigDecimal(s).multiply(nanosPerSecond));
        boolean negative = s.startsWith("-");
        String rest = negative || s.startsWith("+") ? s.substring(1) : s;
        Matcher m = PART.matcher(rest);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        while (at < rest.length() && m.find(at) && m.start() == at) {
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        if (at == 0 || at != rest.length()) {
            throw new IllegalArgumentException("expected seconds or a duration like 500ms, 6s, 5m0s");
        }
        return nanos(negative ? total.negate() : total);
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
    }

    private static Duration nanos(BigDecimal n) {
        if (n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) throw new IllegalArgumentException("duration too large");
        return Duration.ofNanos(n.longValue());
    }
}
