"""Bytes the schema.org microdata adds to each procedure and counter page: gzip -9 of the page
with and without its hidden microdata block (plugins/opendata, issue 18).

    .venv/bin/python bench/schema_weight.py output/
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

_DIV = re.compile(rb"<(/?)div\b[^>]*>")


def without_microdata(html: bytes) -> bytes:
    """The page without its ``<div hidden itemscope>`` block (nested divs included)."""
    start = html.find(b"<div hidden itemscope")
    if start < 0:
        return html
    depth = 0
    for match in _DIV.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[:start] + html[match.end() :]
    return html


def measure(site: Path) -> list[tuple[str, int, int, int]]:
    """(page, raw bytes added, gzip bytes added, first view with microdata) per page."""
    css = len(gzip.compress((site / "theme/css/guichet.css").read_bytes(), 9))
    rows = []
    for folder in ("demarches", "guichets"):
        for path in sorted((site / folder).glob("*/index.html")):
            html = path.read_bytes()
            bare = without_microdata(html)
            if bare == html:
                continue
            full = len(gzip.compress(html, 9))
            rows.append(
                (
                    path.parent.relative_to(site).as_posix(),
                    len(html) - len(bare),
                    full - len(gzip.compress(bare, 9)),
                    full + css,
                )
            )
    return rows


def main(site: Path) -> None:
    rows = measure(site)
    for folder in ("demarches", "guichets"):
        part = [r for r in rows if r[0].startswith(folder)]
        if not part:
            continue
        print(
            f"{folder}: {len(part)} pages; raw +{sum(r[1] for r in part) / len(part):.0f} B mean; "
            f"gzip +{sum(r[2] for r in part) / len(part):.0f} B mean, "
            f"+{max(r[2] for r in part)} B max; largest first view {max(r[3] for r in part)} B"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "output"))
