package dev.spamward.mime;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.config.ConfigSection;
import dev.spamward.core.config.ValueType;
import java.util.List;

/** Configuration keys for the mail parser's limits. */
public final class MimeSettings implements ConfigSection {

    public static final ConfigKey<Long> MAX_MESSAGE_SIZE = ConfigKey.of("mime.max_message_size", ValueType.byteSize(),
            "64MiB", "Bytes of a message that are parsed; the rest is ignored and reported.");
    public static final ConfigKey<Integer> MAX_PARTS = ConfigKey.of("mime.max_parts", ValueType.integer(1, 1_000_000),
            "1000", "MIME parts parsed per message.");
    public static final ConfigKey<Integer> MAX_DEPTH = ConfigKey.of("mime.max_depth", ValueType.integer(0, 1000),
            "20", "Nesting depth of multiparts and embedded messages.");
    public static final ConfigKey<Integer> MAX_HEADER_FIELDS = ConfigKey.of("mime.max_header_fields",
            ValueType.integer(1, 1_000_000), "2000", "Header fields kept per part.");
    public static final ConfigKey<Long> MAX_HTML_SIZE = ConfigKey.of("mime.max_html_size", ValueType.byteSize(),
            "4MiB", "Characters of one HTML part used for text extraction.");
    public static final ConfigKey<Integer> MAX_URLS = ConfigKey.of("mime.max_urls_per_part",
            ValueType.integer(0, 1_000_000), "1000", "URLs recorded per part.");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(MAX_MESSAGE_SIZE, MAX_PARTS, MAX_DEPTH, MAX_HEADER_FIELDS, MAX_HTML_SIZE, MAX_URLS);
    }

    /** The limits configured in {@code config}. */
    public static MimeLimits limits(Config config) {
        return new MimeLimits(config.get(MAX_MESSAGE_SIZE), config.get(MAX_PARTS), config.get(MAX_DEPTH),
                config.get(MAX_HEADER_FIELDS), (int) Math.min(Integer.MAX_VALUE, config.get(MAX_HTML_SIZE)),
                config.get(MAX_URLS));
    }
}
