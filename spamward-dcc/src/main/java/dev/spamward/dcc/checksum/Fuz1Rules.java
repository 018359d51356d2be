package dev.spamward.dcc.checksum;

/**
 * Which {@code dccproc} version's FUZ1 to compute. Current DCC servers see 2.3 checksums; the 1.3 rules
 * exist to compare with the 1.3.158 reference vectors.
 */
public enum Fuz1Rules {
    /** {@code dccproc} 2.3.169: a URL host name in an unterminated first buffered line is dropped entirely. */
    DCC_2_3,
    /** {@code dccproc} 1.3.158 (and the 2.3.167 source): the last two labels of that host name are kept. */
    DCC_1_3
}
