package dev.spamward.greylist.milter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class MilterCodecTest {
    private static DataInputStream stream(int announced, int sent) {
        byte[] b = new byte[4 + 1 + sent];
        b[0] = (byte) (announced >>> 24);
        b[1] = (byte) (announced >>> 16);
        b[2] = (byte) (announced >>> 8);
        b[3] = (byte) announced;
        b[4] = 'O';
        return new DataInputStream(new ByteArrayInputStream(b));
    }

    @Test
    void aPacketIsReadWhole() throws IOException {
        MilterCodec.Packet p = MilterCodec.read(stream(11, 10), 1 << 20);
        assertThat(p.data()).hasSize(10);
    }

    /**
     * The announced length is a claim, not an allocation: a packet announced as 4 MiB that stops after 10 bytes
     * allocates what arrived (plus one read buffer), not 4 MiB. Idle clients announcing big packets ran the heap out.
     */
    @Test
    void anAnnouncedLengthIsNotAllocatedBeforeTheBytesArrive() throws IOException {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MilterCodec.read(stream(11, 10), 1 << 23); // warm up the code path
        long before = mx.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> MilterCodec.read(stream(4 << 20, 10), 8 << 20)).isInstanceOf(EOFException.class)
                .hasMessageContaining("ended after 10 of 4194303 bytes");
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(256 * 1024);
    }
}
