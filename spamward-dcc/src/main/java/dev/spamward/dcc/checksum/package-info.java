/**
 * DCC checksums computed exactly as {@code dccproc} computes them: {@link dev.spamward.dcc.checksum.DccChecksummer}
 * is the entry point; the body decoders are line-for-line ports of DCC's state machines, and the data tables
 * (Rhyolite's licence in {@code tables/LICENSE-DCC.txt}) are resources.
 */
package dev.spamward.dcc.checksum;
