package dev.spamward.core.config;

/**
 * Where a configuration value came from, so that errors and {@code spamward config} can point at it.
 *
 * @param kind   the kind of source
 * @param detail file:line for files, the variable name for the environment, the flag text for flags
 */
public record Origin(Kind kind, String detail) {

    /** Kinds of configuration source, in increasing precedence. */
    public enum Kind { DEFAULT, FILE, ENV, FLAG }

    /** The built-in default. */
    public static final Origin DEFAULT = new Origin(Kind.DEFAULT, "default");

    public static Origin file(String path, int line) {
        return new Origin(Kind.FILE, path + ":" + line);
    }

    public static Origin env(String variable) {
        return new Origin(Kind.ENV, "env " + variable);
    }

    public static Origin flag(String text) {
        return new Origin(Kind.FLAG, "flag " + text);
    }

    @Override
    public String toString() {
        return detail;
    }
}
