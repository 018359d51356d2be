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
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDurations() {
    }

    static ValueType<Duration> type() {
        return ValueType.of("seconds (6, 2.5) or a duration like 500ms, 6s, 5m0s, 1h30m", GoDurations::parse);
    }

    static Duration parse(String text) {
        String s = text.strip();
        if (SECONDS.matcher(s).matches()) return nanos(new BigDecimal(s).multiply(NANOS_PER_SECOND));
        boolean negative = s.startsWith("-");
        String rest = negative || s.startsWith("+") ? s.substring(1) : s;
        Matcher m = PART.matcher(rest);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        while (at < rest.length() && m.find(at) && m.start() == at) {
            total = total.add(new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2))));
            at = m.end();
        }
        if (at == 0 || at != rest.length()) {
            throw new IllegalArgumentException("expected seconds or a duration like 500ms, 6s, 5m0s");
        }
        return nanos(negative ? total.negate() : total);
    }

    private static BigDecimal unitNanos(String unit) {
        long n = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        return BigDecimal.valueOf(n);
    }

    private static Duration nanos(BigDecimal n) {
        if (n.abs().compareTo(MAX_NANOS) > 0) throw new IllegalArgumentException("duration too large");
        return Duration.ofNanos(n.longValue());
    }
}
