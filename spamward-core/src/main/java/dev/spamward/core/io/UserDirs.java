package dev.spamward.core.io;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where per-user files go by default, after the XDG Base Directory specification: {@code $XDG_DATA_HOME},
 * {@code $XDG_CONFIG_HOME} and {@code $XDG_STATE_HOME} when set to an absolute path (the specification says to
 * ignore relative ones), else {@code ~/.local/share}, {@code ~/.config} and {@code ~/.local/state}.
 *
 * <p>{@code ~} is {@code $HOME} when it is set to an absolute path, as for every Unix mail tool (bogofilter,
 * razor, pyzor), and only then the JVM's {@code user.home}, which comes from the password database: an admin who
 * runs the program as a service user with {@code HOME=/var/lib/spamward} gets its files there, not in the account's
 * home directory (often {@code /nonexistent} for daemon users).
 */
public final class UserDirs {
    private final UnaryOperator<String> env;
    private final String userHome;

    /** The directories of this process: its environment and {@code user.home}. */
    public static final UserDirs CURRENT = new UserDirs(System::getenv, System.getProperty("user.home"));

    UserDirs(UnaryOperator<String> env, String userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    /** The directories for a given environment (absent keys are unset) and {@code user.home}. */
    public static UserDirs of(Map<String, String> env, String userHome) {
        return new UserDirs(env::get, userHome);
    }

    /** {@code $HOME} when absolute, else {@code user.home}. */
    public Path home() {
        Path home = absolute("HOME");
        return home != null ? home : Path.of(userHome);
    }

    /** {@code $XDG_DATA_HOME}, else {@code ~/.local/share}. */
    public Path dataHome() {
        return xdg("XDG_DATA_HOME", ".local/share");
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    public Path configHome() {
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_STATE_HOME}, else {@code ~/.local/state}. */
    public Path stateHome() {
        return xdg("XDG_STATE_HOME", ".local/state");
    }

    private Path xdg(String variable, String underHome) {
        Path p = absolute(variable);
        return p != null ? p : home().resolve(underHome);
    }

    private Path absolute(String variable) {
        String v = env.apply(variable);
        if (v == null || v.isBlank() || !v.startsWith("/")) return null;
        return Path.of(v);
    }
}
