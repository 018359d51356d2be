package dev.spamward.razor.sig;

import java.util.List;

/**
 * A prepared and signed message.
 *
 * @param headers the original header block, uploaded with a report when the server asks for the mail
 * @param partTexts the prepared part texts (headers, blank line, body) in part order, for uploads
 * @param parts the signatures per part, same order
 * @param ep4 the {@code ep4} the engine-4 signatures were computed with
 */
public record MessageSignatures(String headers, List<String> partTexts, List<PartSignatures> parts, String ep4) {
    public MessageSignatures {
        partTexts = List.copyOf(partTexts);
        parts = List.copyOf(parts);
    }

    /** Whether at least one part has a signature. */
    public boolean hasSignatures() {
        return parts.stream().anyMatch(p -> p.e4() != null || !p.e8().isEmpty());
    }

    /** The lines {@code razor-check -H} prints, e.g. {@code 1.0 e4: SIG, ep4: 7542-10}, for mail number {@code mail}. */
    public List<String> printable(int mail) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (PartSignatures p : parts) {
            if (p.e4() != null) out.add(mail + "." + p.index() + " e4: " + p.e4() + ", ep4: " + ep4);
            for (String s : p.e8()) out.add(mail + "." + p.index() + " e8: " + s);
        }
        return out;
    }
}
