package dev.spamward.dcc.checksum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The checksums of one message, in type order, as {@code dccproc -C} would print them.
 *
 * @param checksums the checksums computed (absent ones are missing, as in {@code dccproc}'s output)
 * @param problem   why no checksums could be computed ({@code dccproc} gives up on a message without a
 *                  header/body separator or without header lines), or {@code null}
 */
public record MessageChecksums(List<Checksum> checksums, String problem) {

    public MessageChecksums {
        List<Checksum> sorted = new ArrayList<>(checksums);
        sorted.sort(Comparator.comparingInt(c -> c.type().number()));
        checksums = List.copyOf(sorted);
    }

    /** The checksum of this type, if computed. */
    public Optional<Checksum> get(CkType type) {
        for (Checksum c : checksums) if (c.type() == type) return Optional.of(c);
        return Optional.empty();
    }

    /** The checksums a client sends to a server (at most 14, the protocol's limit). */
    public List<Checksum> reported() {
        return checksums.stream().filter(Checksum::reported).limit(14).toList();
    }

    /**
     * The {@code dccproc -C} layout: a title line, then one line per checksum with the label right-aligned
     * in 25 columns and the four hex words.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (checksums.isEmpty()) return "";
        sb.append(String.format("%28sreported: %-15s checksum%n", "", "0"));
        for (Checksum c : checksums) sb.append(String.format("%25s: %s%n", c.type().label(), c.words()));
        return sb.toString();
    }
}
