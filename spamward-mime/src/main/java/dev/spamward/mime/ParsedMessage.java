package dev.spamward.mime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The result of parsing one message: the part tree, with convenience views over it. */
public final class ParsedMessage {
    private final MimePart root;
    private final List<MimePart> parts;
    private final long rawSize;
    private final String mboxFromLine;

    ParsedMessage(MimePart root, long rawSize, String mboxFromLine) {
        this.root = root;
        this.rawSize = rawSize;
        this.mboxFromLine = mboxFromLine;
        List<MimePart> all = new ArrayList<>();
        collect(root, all);
        this.parts = Collections.unmodifiableList(all);
    }

    private static void collect(MimePart p, List<MimePart> out) {
        out.add(p);
        for (MimePart c : p.children()) collect(c, out);
    }

    /** The top-level entity (the message). */
    public MimePart root() {
        return root;
    }

    /** The message's own header fields. */
    public Headers headers() {
        return root.headers();
    }

    /** Every part, depth-first, the root first. */
    public List<MimePart> parts() {
        return parts;
    }

    /** The parts that hold text (text/plain, text/html, other text/*), depth-first. */
    public List<MimePart> textParts() {
        List<MimePart> out = new ArrayList<>();
        for (MimePart p : parts) {
            if (p.isText()) out.add(p);
        }
        return out;
    }

    /** Every defect of every part, depth-first. */
    public List<Defect> defects() {
        List<Defect> out = new ArrayList<>();
        for (MimePart p : parts) out.addAll(p.defects());
        return out;
    }

    /** True when a limit was reached and part of the message was not parsed. */
    public boolean truncated() {
        for (MimePart p : parts) {
            for (Defect d : p.defects()) {
                if (d.type() == DefectType.LIMIT_REACHED) return true;
            }
        }
        return false;
    }

    /** Size of the input in bytes, before any limit. */
    public long rawSize() {
        return rawSize;
    }

    /** The mbox "From " line the input started with (without line end), or null. */
    public String mboxFromLine() {
        return mboxFromLine;
    }
}
