"""Codec oracle: for each stdin line 'label<TAB>hex' prints the UTF-8 hex of data.decode(label, 'ignore')
and of data.decode(label, 'replace') (or ERROR), as Python 3.11 computes them."""
import sys

for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    label, data = line.split("\t")
    data = bytes.fromhex(data)
    out = []
    for errors in ("ignore", "replace"):
        try:
            out.append(data.decode(label, errors).encode("utf-8", "surrogatepass").hex())
        except Exception:
            out.append("ERROR")
    print("\t".join(out))
