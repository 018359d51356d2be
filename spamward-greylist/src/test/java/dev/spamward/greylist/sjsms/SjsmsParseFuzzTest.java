package dev.spamward.greylist.sjsms;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The sjsms datagram parser returns a query or null for any datagram. */
class SjsmsParseFuzzTest {

    @FuzzTest
    void parseNeverThrows(byte[] datagram) {
        SjsmsServer.parse(datagram);
    }
}
