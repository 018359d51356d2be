package dev.spamward.mime;

import java.util.ArrayList;
import java.util.List;

/** The header fields of a message or part, in order; name lookups ignore case. */
public final class Headers {
    static final Headers EMPTY = new Headers(List.of());

    private final List<Header> fields;

    Headers(List<Header> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Every field, in order. */
    public List<Header> all() {
        return fields;
    }

    /** The decoded value of the first field named {@code name}, or null. */
    public String first(String name) {
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) return h.value();
        }
        return null;
    }

    /** The decoded values of every field named {@code name}, in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) out.add(h.value());
        }
        return out;
    }

    /** The first field named {@code name}, or null. */
    public Header field(String name) {
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) return h;
        }
        return null;
    }

    public int size() {
        return fields.size();
    }
}
