package dev.spamward.drp.backend;

import java.util.Objects;

/**
 * An authoritative DCC answer for {@code /check}.
 *
 * @param action the verdict
 * @param bulk   the largest body count when {@code action} is {@link DccAction#REJECT} (typically
 *               16,777,200, DCC's "many"); {@code null} otherwise, as gozer sends it
 */
public record DccVerdict(DccAction action, Long bulk) {

    /** The safe default when DCC failed: {@code {"action":"unknown","bulk":null}}. */
    public static final DccVerdict UNKNOWN = new DccVerdict(DccAction.UNKNOWN, null);

    public DccVerdict {
        Objects.requireNonNull(action, "action");
        if (action != DccAction.REJECT) bulk = null;
    }

    /** A reject verdict with its body count. */
    public static DccVerdict reject(long bulk) {
        return new DccVerdict(DccAction.REJECT, bulk);
    }

    /** An accept verdict. */
    public static DccVerdict accept() {
        return new DccVerdict(DccAction.ACCEPT, null);
    }
}
