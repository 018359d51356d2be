package dev.spamward.greylist.milter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/** The milter packet reader gives packets, a clean BadPacket or end of stream for any bytes. */
class MilterCodecFuzzTest {

    @FuzzTest
    void readNeverThrowsUnexpectedly(byte[] input) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(input));
        try {
            MilterCodec.Packet p;
            while ((p = MilterCodec.read(in, 65_536)) != null) {
                MilterCodec.strings(p.data(), 0);
            }
        } catch (IOException expected) {
            // BadPacket or a truncated packet (EOFException): the server closes the connection.
        }
    }
}
