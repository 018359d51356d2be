package dev.spamward.core.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one configuration value into a typed value. Parsers throw
 * {@link IllegalArgumentException} with a short reason; the loader adds key, value and origin.
 *
 * @param <T> the parsed type
 */
public interface ValueType<T> {

    /** Parses {@code text} (already trimmed) or throws {@link IllegalArgumentException} saying why not. */
    T parse(String text);

    /** A short description of the accepted syntax, for help and error messages. */
    String syntax();

    /** Any text. */
    static ValueType<String> string() {
        return of("text", s -> s);
    }

    /** A non-empty text. */
    static ValueType<String> nonEmpty() {
        return of("non-empty text", s -> {
            if (s.isEmpty()) throw new IllegalArgumentException("must not be empty");
            return s;
        });
    }

    /** An integer in {@code [min, max]}. */
    static ValueType<Integer> integer(int min, int max) {
        return of("integer " + min + ".." + max, s -> {
            final long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer");
            }
            if (v < min || v > max) throw new IllegalArgumentException("must be between " + min + " and " + max);
            return (int) v;
        });
    }

    /** A decimal number in {@code [min, max]}. */
    static ValueType<Double> decimal(double min, double max) {
        return of("number " + min + ".." + max, s -> {
            final double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
            if (!(v >= min && v <= max)) throw new IllegalArgumentException("must be between " + min + " and " + max);
            return v;
        });
    }

    /** true/false, yes/no, on/off, 1/0. */
    static ValueType<Boolean> bool() {
        return of("true|false", s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    /** A duration: a number with a unit ms, s, m, h or d; a bare number means seconds. */
    static ValueType<Duration> duration() {
        Pattern p = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
        return of("duration like 500ms, 30s, 5m, 1h, 2d", s -> {
            Matcher m = p.matcher(s.toLowerCase(Locale.ROOT));
            if (!m.matches()) throw new IllegalArgumentException("expected a duration like 500ms, 30s, 5m, 1h or 2d");
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("number too large");
            }
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        });
    }

    /** A byte count: a number with an optional unit B, K/KB/KiB, M/MB/MiB, G/GB/GiB (all powers of 1024). */
    static ValueType<Long> byteSize() {
        Pattern p = Pattern.compile("(\\d+)\\s*([kmg]?)(i?b)?");
        return of("size like 8MiB, 512KiB, 1048576", s -> {
            Matcher m = p.matcher(s.toLowerCase(Locale.ROOT));
            if (!m.matches()) throw new IllegalArgumentException("expected a size like 8MiB, 512KiB or 1048576");
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("number too large");
            }
            int shift = switch (m.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            if (n > (Long.MAX_VALUE >> shift)) throw new IllegalArgumentException("number too large");
            return n << shift;
        });
    }

    /** One of the constants of {@code type}, case-insensitive. */
    static <E extends Enum<E>> ValueType<E> enumeration(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (!names.isEmpty()) names.append('|');
            names.append(e.name().toLowerCase(Locale.ROOT));
        }
        String syntax = names.toString();
        return of(syntax, s -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) return e;
            }
            throw new IllegalArgumentException("expected one of " + syntax);
        });
    }

    /**
     * A socket address {@code host:port}, {@code [v6]:port} or {@code port} alone (then on {@code defaultHost}).
     * The address is not resolved here: resolution happens when a service binds or dials.
     */
    static ValueType<InetSocketAddress> socketAddress(String defaultHost) {
        return of("host:port, [ipv6]:port or port", s -> {
            String host = defaultHost;
            String port = s;
            if (s.startsWith("[")) {
                int end = s.indexOf(']');
                if (end < 0 || end + 1 >= s.length() || s.charAt(end + 1) != ':') {
                    throw new IllegalArgumentException("expected [ipv6]:port");
                }
                host = s.substring(1, end);
                port = s.substring(end + 2);
            } else if (s.indexOf(':') >= 0) {
                int colon = s.lastIndexOf(':');
                if (s.indexOf(':') != colon) throw new IllegalArgumentException("write IPv6 addresses as [addr]:port");
                host = s.substring(0, colon);
                port = s.substring(colon + 1);
            }
            if (host.isEmpty()) throw new IllegalArgumentException("missing host");
            int p = integer(0, 65535).parse(port);
            return InetSocketAddress.createUnresolved(host, p);
        });
    }

    /** A filesystem path (not checked for existence). */
    static ValueType<Path> path() {
        return of("path", s -> {
            if (s.isEmpty()) throw new IllegalArgumentException("must not be empty");
            return Path.of(s);
        });
    }

    /** A value type from a syntax description and a parsing function. */
    static <T> ValueType<T> of(String syntax, java.util.function.Function<String, T> parser) {
        return new ValueType<>() {
            @Override
            public T parse(String text) {
                return parser.apply(text);
            }

            @Override
            public String syntax() {
                return syntax;
            }
        };
    }
}
