package dev.spamward.dcc.checksum;

/** The content type and charset folding table of the current MIME entity, shared by the decoders. */
final class MimeContext {
    static final int CT_TEXT = 0;
    static final int CT_HTML = 1;
    static final int CT_BINARY = 2;

    int ct = CT_TEXT;
    byte[] cset = DccTables.get().latin1;
}
