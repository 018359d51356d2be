package dev.spamward.dcc.checksum;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One DCC checksum: a type and a 16-byte MD5.
 *
 * @param type     the checksum type
 * @param sum      the 16 bytes, in wire order
 * @param reported whether a client sends it to a server ({@code dccproc} computes MD5("") for an absent
 *                 Message-ID and prints it, but never sends it)
 */
public record Checksum(CkType type, byte[] sum, boolean reported) {

    public Checksum {
        Objects.requireNonNull(type);
        if (sum.length != 16) throw new IllegalArgumentException("a DCC checksum has 16 bytes");
        sum = sum.clone();
    }

    @Override
    public byte[] sum() {
        return sum.clone();
    }

    /** 32 lower-case hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(sum);
    }

    /** The {@code dccproc -C} form: four 8-digit groups separated by spaces. */
    public String words() {
        String h = hex();
        return h.substring(0, 8) + ' ' + h.substring(8, 16) + ' ' + h.substring(16, 24) + ' ' + h.substring(24);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checksum c && c.type == type && c.reported == reported && Arrays.equals(c.sum, sum);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(sum);
    }

    @Override
    public String toString() {
        return type.label() + ": " + words();
    }
}
