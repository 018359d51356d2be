package dev.spamward.dcc.checksum;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The data tables of DCC's {@code cktbls.c}: the two byte-folding tables, the four Fuz2 word
 * dictionaries and the HTML entity table. Loaded once from the resources under
 * {@code dev/spamward/dcc/tables/} (which carry Rhyolite's licence notice, LICENSE-DCC.txt).
 */
final class DccTables {
    /** Fold classes (dcc_ck.h). */
    static final int FC_A = 'a';
    static final int FC_SP = ' ';
    static final int FC_LT = '<';

    /** Number of Fuz2 languages: English, Spanish, Polish (Latin-2 only), Dutch. */
    static final int LANGS = 4;
    static final int POLISH = 2;

    private static final String DIR = "/dev/spamward/dcc/tables/";
    private static final DccTables INSTANCE = load();

    final byte[] latin1 = new byte[256];
    final byte[] latin2 = new byte[256];
    /** Per language: buckets of packed {@code len, bytes...} entries. */
    final byte[][][] words = new byte[LANGS][][];
    /** HTML entity buckets (131), packed as {@code len, name..., byte}. */
    final byte[][] entities;

    private DccTables(byte[][] entities) {
        this.entities = entities;
    }

    static DccTables get() {
        return INSTANCE;
    }

    /** Hash of a zero-padded 16-byte word: XOR of its four big-endian 32-bit groups, mod {@code n}. */
    static int hash(byte[] w, int n) {
        int h = be32(w, 0) ^ be32(w, 4) ^ be32(w, 8) ^ be32(w, 12);
        return (int) (Integer.toUnsignedLong(h) % n);
    }

    private static int be32(byte[] b, int o) {
        return (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
    }

    /** {@code lookup_word}: is the zero-padded word {@code w[0..len)} in the language's dictionary? */
    boolean isWord(int lang, byte[] w, int len) {
        byte[][] tbl = words[lang];
        byte[] bucket = tbl[hash(w, tbl.length)];
        int p = 0;
        while (p < bucket.length) {
            int n = bucket[p++] & 0xff;
            if (n == 0) return false;
            if (n == len && regionEquals(bucket, p, w, n)) return true;
            p += n;
        }
        return false;
    }

    /** {@code lookup_cref}: the Latin-1 byte of an entity name, 0 when unknown. */
    int entity(byte[] w, int len) {
        if (len == 0 || len > 16) return 0;
        byte[] bucket = entities[hash(w, entities.length)];
        if (bucket == null) return 0;
        int p = 0;
        while (p < bucket.length) {
            int n = bucket[p++] & 0xff;
            if (n == len && regionEquals(bucket, p, w, n)) return bucket[p + n] & 0xff;
            p += n + 1;
        }
        return 0;
    }

    private static boolean regionEquals(byte[] a, int off, byte[] b, int n) {
        for (int i = 0; i < n; i++) if (a[off + i] != b[i]) return false;
        return true;
    }

    private static DccTables load() {
        try {
            DccTables t = new DccTables(loadEntities());
            loadFold(t);
            String[] names = {"english", "spanish", "polish", "dutch"};
            for (int i = 0; i < LANGS; i++) t.words[i] = loadWords("fuz2_" + names[i] + ".bin");
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("DCC tables missing from the class path", e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = DccTables.class.getResourceAsStream(DIR + name);
        if (in == null) throw new IOException("resource " + DIR + name + " not found");
        return in;
    }

    private static byte[][] loadWords(String name) throws IOException {
        try (DataInputStream in = new DataInputStream(open(name))) {
            int n = in.readInt();
            byte[][] buckets = new byte[n][];
            for (int i = 0; i < n; i++) {
                buckets[i] = new byte[in.readUnsignedShort()];
                in.readFully(buckets[i]);
            }
            return buckets;
        }
    }

    private static void loadFold(DccTables t) throws IOException {
        try (BufferedReader r = reader("charset-fold.tsv")) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length != 3) continue;
                byte[] tbl = f[0].equals("cset8859_2") ? t.latin2 : t.latin1;
                tbl[Integer.parseInt(f[1])] = (byte) Integer.parseInt(f[2]);
            }
        }
    }

    private static byte[][] loadEntities() throws IOException {
        java.io.ByteArrayOutputStream[] parts = new java.io.ByteArrayOutputStream[131];
        try (BufferedReader r = reader("html-entities.tsv")) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length != 3) continue;
                int b = Integer.parseInt(f[0]);
                if (parts[b] == null) parts[b] = new java.io.ByteArrayOutputStream();
                byte[] name = f[1].getBytes(StandardCharsets.US_ASCII);
                parts[b].write(name.length);
                parts[b].write(name);
                parts[b].write(Integer.parseInt(f[2]));
            }
        }
        byte[][] out = new byte[131][];
        for (int i = 0; i < out.length; i++) out[i] = parts[i] == null ? null : parts[i].toByteArray();
        return out;
    }

    private static BufferedReader reader(String name) throws IOException {
        return new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8));
    }
}
