package dev.spamward.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {
    @Test
    void homeIsTheHomeVariableBeforeThePasswordDatabase() {
        assertThat(UserDirs.of(Map.of("HOME", "/var/lib/spamward"), "/nonexistent").home()).isEqualTo(Path.of("/var/lib/spamward"));
        assertThat(UserDirs.of(Map.of(), "/home/pw").home()).isEqualTo(Path.of("/home/pw"));
        assertThat(UserDirs.of(Map.of("HOME", ""), "/home/pw").home()).as("empty HOME").isEqualTo(Path.of("/home/pw"));
        assertThat(UserDirs.of(Map.of("HOME", "relative"), "/home/pw").home()).as("relative HOME").isEqualTo(Path.of("/home/pw"));
    }

    @Test
    void xdgDirectoriesDefaultUnderHomeAndIgnoreRelativeValues() {
        UserDirs plain = UserDirs.of(Map.of("HOME", "/h"), "/pw");
        assertThat(plain.dataHome()).isEqualTo(Path.of("/h/.local/share"));
        assertThat(plain.configHome()).isEqualTo(Path.of("/h/.config"));
        assertThat(plain.stateHome()).isEqualTo(Path.of("/h/.local/state"));

        UserDirs xdg = UserDirs.of(Map.of("HOME", "/h", "XDG_DATA_HOME", "/d", "XDG_CONFIG_HOME", "/c", "XDG_STATE_HOME", "/s"), "/pw");
        assertThat(xdg.dataHome()).isEqualTo(Path.of("/d"));
        assertThat(xdg.configHome()).isEqualTo(Path.of("/c"));
        assertThat(xdg.stateHome()).isEqualTo(Path.of("/s"));

        UserDirs relative = UserDirs.of(Map.of("HOME", "/h", "XDG_STATE_HOME", "state", "XDG_DATA_HOME", " "), "/pw");
        assertThat(relative.stateHome()).as("the XDG specification: relative paths are invalid").isEqualTo(Path.of("/h/.local/state"));
        assertThat(relative.dataHome()).isEqualTo(Path.of("/h/.local/share"));
    }
}
