"""Digest oracle for the differential test: prints 'name<TAB>digest' (or 'name<TAB>ERROR') for every
file named on stdin, computed by the installed pyzor 1.0 exactly as `pyzor digest` does."""
import email
import sys

import pyzor.digest

for name in sys.stdin.read().split("\n"):
    if not name:
        continue
    with open(name, "rb") as f:
        data = f.read()
    try:
        digest = pyzor.digest.DataDigester(email.message_from_bytes(data)).value
    except Exception as e:  # pyzor itself dies on these; the test skips them
        digest = "ERROR " + type(e).__name__
    print("%s\t%s" % (name, digest), flush=False)
