package dev.spamward.razor.sig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes a message's Razor2 signatures as {@code Razor2::Client::Core::compute_sigs} does: prepare the
 * parts, run the VR8 chain to decide whether a part is skipped, then engine 4 on the VR4-cleaned body and
 * engine 8 on the VR8-cleaned body. Immutable and thread-safe.
 */
public final class Signer {
    /** The client name the agents write into {@code X-Razor2-Agent}; it never changes a signature. */
    public static final String DEFAULT_AGENT = "Razor-Agents v2.84";

    private static final Pattern CONTENT_ONLY =
            Pattern.compile("(?ds)^(Content\\S*:.*\\n\\r?)+(Content\\S*:.*)?\\s*$");

    private final MailPreparer preparer;
    private final Set<Integer> engines;

    /** A signer with the agents' defaults: agent string {@value #DEFAULT_AGENT}, engines 4 and 8. */
    public Signer() {
        this(DEFAULT_AGENT, Set.of(4, 8));
    }

    /**
     * @param agent the {@code X-Razor2-Agent} value for uploaded parts
     * @param engines the engines to compute (a subset of 4 and 8)
     */
    public Signer(String agent, Set<Integer> engines) {
        this.preparer = new MailPreparer(agent);
        this.engines = Set.copyOf(engines);
    }

    /** Signs raw message bytes with {@code ep4} ({@link Ephemeral#DEFAULT_EP4} when null). Never throws on mail. */
    public MessageSignatures sign(byte[] message, String ep4) {
        return sign(PerlText.fromBytes(message), ep4);
    }

    MessageSignatures sign(String mail, String ep4) {
        if (ep4 == null || ep4.isEmpty()) ep4 = Ephemeral.DEFAULT_EP4;
        MailPreparer.Prepared prepared = preparer.prepare(mail);
        Ephemeral e4 = engines.contains(4) ? Ephemeral.forEp4(ep4) : null;
        List<PartSignatures> parts = new ArrayList<>();
        for (int i = 0; i < prepared.parts().size(); i++) {
            String part = prepared.parts().get(i);
            Preprocessors.Cleaned cleaned = Preprocessors.clean(part);
            String vr8 = cleaned.vr8();
            if (skip(vr8)) {
                parts.add(new PartSignatures(i, true, null, List.of()));
                continue;
            }
            String sig4 = null;
            if (e4 != null) {
                String vr4 = cleaned.vr4();
                sig4 = e4.signature(vr4 == null ? "" : vr4);
            }
            List<String> sig8 = engines.contains(8) ? Whiplash.signatures(vr8) : List.of();
            parts.add(new PartSignatures(i, false, sig4, sig8));
        }
        return new MessageSignatures(prepared.headers(), prepared.parts(), parts, ep4);
    }

    /** The agents' emptiness test on the VR8-cleaned body. */
    static boolean skip(String vr8) {
        if (vr8 == null || vr8.isEmpty()) return true;
        if (vr8.length() < 128 && CONTENT_ONLY.matcher(vr8).matches()) return true;
        return !PerlText.hasNonSpace(vr8);
    }
}
