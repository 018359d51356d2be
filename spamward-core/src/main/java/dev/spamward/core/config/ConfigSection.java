package dev.spamward.core.config;

import java.util.List;

/**
 * A module's contribution to the configuration schema, found with {@link java.util.ServiceLoader}
 * (register the implementation in {@code META-INF/services/dev.spamward.core.config.ConfigSection}).
 * Each module keeps its keys as {@code public static final ConfigKey} constants and lists them here.
 */
public interface ConfigSection {

    /** The keys this module reads. */
    List<ConfigKey<?>> keys();
}
