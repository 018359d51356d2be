#!/usr/bin/python3
"""Regenerates the Python 3.11 data tables the Java digest uses (run with Debian's /usr/bin/python3):
html5-entities.txt (html.entities.html5), python-codec-aliases.txt (encodings.aliases after
normalisation) and python-charmaps.txt (byte -> code point tables of every single-byte codec)."""
import codecs, encodings, encodings.aliases, html.entities, pkgutil, sys

out = sys.argv[1]
with open(out + "/html5-entities.txt", "w", encoding="ascii") as f:
    for name, value in sorted(html.entities.html5.items()):
        f.write("%s\t%s\n" % (name, " ".join("%x" % ord(c) for c in value)))

mods = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__) if m.name != "aliases")
MULTI = {"hz", "raw_unicode_escape", "unicode_escape", "utf_8", "utf_8_sig"}  # pass the probe but are not byte-wise
with open(out + "/python-codec-aliases.txt", "w", encoding="ascii") as f:
    for alias, mod in sorted(encodings.aliases.aliases.items()):
        f.write("%s\t%s\n" % (alias, mod))
    for mod in mods:
        f.write("%s\t%s\n" % (mod, mod))

with open(out + "/python-charmaps.txt", "w", encoding="ascii") as f:
    for mod in mods:
        try:
            if mod in MULTI:
                continue
            info = codecs.lookup(mod)
            if not info._is_text_encoding:
                continue
            singles = []
            for b in range(256):
                try:
                    s = bytes([b]).decode(mod)
                except (UnicodeError, ValueError):
                    s = None
                singles.append(s)
            if any(s is not None and len(s) != 1 for s in singles):
                continue
            probe = bytes(range(256)) + bytes(range(255, -1, -1))
            joined = "".join(s for s in singles if s is not None)
            if probe.decode(mod, "ignore") != joined + joined[::-1]:
                continue  # stateful or multi-byte
        except Exception:
            continue
        f.write("%s\t%s\n" % (mod, " ".join("-" if s is None else "%x" % ord(s) for s in singles)))
