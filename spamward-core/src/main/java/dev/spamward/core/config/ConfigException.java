package dev.spamward.core.config;

/**
 * A configuration error that stops start-up. The message always names the key, the offending value
 * and where it came from; it is meant to be printed as is, without a stack trace.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    static ConfigException badValue(String key, String value, Origin origin, String why) {
        return new ConfigException("bad value for " + key + " = '" + value + "' (" + origin + "): " + why);
    }

    static ConfigException unknownKey(String key, Origin origin, String suggestion) {
        String hint = suggestion == null ? "" : "; did you mean '" + suggestion + "'?";
        return new ConfigException("unknown configuration key '" + key + "' (" + origin + ")" + hint);
    }
}
