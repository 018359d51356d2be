#!/usr/bin/python3
"""Dumps what Python 3.11's CJK codecs do at the start of every 1/2/3-byte prefix (one decoding "step"):
'E' = illegal (the decoder gives up on one byte), 'M' = needs more bytes, else the code points produced.
Input for GenCjkOverrides.java, which keeps only the steps where the JDK charset differs."""
import codecs
import sys

CODECS = ["big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jp", "euc_kr", "gb2312", "gbk", "gb18030",
          "johab", "shift_jis"]


def step(codec, prefix):
    dec = codecs.getincrementaldecoder(codec)("strict")
    try:
        out = dec.decode(prefix, False)
    except UnicodeDecodeError as e:
        return "E" if e.start == 0 else ("C" + " ".join("%x" % ord(c) for c in prefix[:e.start].decode(codec)))
    if not out:
        return "M"
    return " ".join("%x" % ord(c) for c in out)


out = open(sys.argv[1], "w")
for codec in CODECS:
    for b1 in range(0x80, 0x100):
        p1 = bytes([b1])
        r1 = step(codec, p1)
        out.write("%s\t%s\t%s\n" % (codec, p1.hex(), r1))
        if r1 != "M":
            continue
        for b2 in range(0x100):
            p2 = p1 + bytes([b2])
            r2 = step(codec, p2)
            out.write("%s\t%s\t%s\n" % (codec, p2.hex(), r2))
            if r2 != "M":
                continue
            for b3 in range(0x100):
                p3 = p2 + bytes([b3])
                out.write("%s\t%s\t%s\n" % (codec, p3.hex(), step(codec, p3)))
