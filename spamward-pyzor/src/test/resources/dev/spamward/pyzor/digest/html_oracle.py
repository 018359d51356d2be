"""HTML oracle: for each stdin line (hex of UTF-8 HTML) prints the hex of UTF-8
pyzor.digest.DataDigester.normalize_html_part(html), or ERROR when pyzor's parser raises."""
import sys

import pyzor.digest

for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    html = bytes.fromhex(line).decode("utf-8", "surrogatepass")
    try:
        print(pyzor.digest.DataDigester.normalize_html_part(html).encode("utf-8", "surrogatepass").hex())
    except Exception:
        print("ERROR")
