package dev.spamward.razor.sig;

import java.util.List;

/**
 * The signatures of one body part.
 *
 * @param index the part's 0-based index among the prepared parts (the agents' {@code 1.N})
 * @param skipped whether the agents skip the part (empty or only {@code Content-*} lines after cleaning)
 * @param e4 the engine-4 signature, or {@code null} (skipped part, or engine 4 not in use)
 * @param e8 the engine-8 signatures, one per URL host (possibly empty)
 */
public record PartSignatures(int index, boolean skipped, String e4, List<String> e8) {
    public PartSignatures {
        e8 = List.copyOf(e8);
    }
}
