"""What a page scan found, remembered between builds for pages whose bytes did not change.

Parsing every built page is the longest step of the checks; a rebuild after editing one
procedure changes a handful of pages. Entries are keyed on the SHA-256 of the page's bytes and
of the scanner's own source, with the parser's reading of pages (guichet.html5): a change to
either forgets them all. The file keeps only the pages of the last build. No Pelican.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from guichet import html5
from guichet.remembered import load_entries, save_entries

from . import scan as scan_module
from .scan import Image, PageScan, Resource, scan_html

_SCANNER = hashlib.sha256(
    b"".join(Path(m.__file__).read_bytes() for m in (scan_module, html5))
).hexdigest()[:16]


def to_data(found: PageScan) -> dict:
    """Plain lists, written by hand (``dataclasses.asdict`` deep-copies: 3× slower here)."""
    return {
        "stylesheets": found.stylesheets,
        "resources": [[r.where, r.url] for r in found.resources],
        "images": [[i.where, i.candidates] for i in found.images],
        "scripts": found.scripts,
        "handlers": found.handlers,
        "javascript_urls": found.javascript_urls,
    }


def from_data(data: dict) -> PageScan:
    return PageScan(
        stylesheets=list(data["stylesheets"]),
        resources=[Resource(where, url) for where, url in data["resources"]],
        images=[Image(where, [(u, w) for u, w in found]) for where, found in data["images"]],
        scripts=int(data["scripts"]),
        handlers=list(data["handlers"]),
        javascript_urls=list(data["javascript_urls"]),
    )


def key_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entry_for(data: bytes, gzip_size) -> tuple[str, dict]:
    """A page's key and entry, scanned now (``gzip_size(data)``: its served gzip size)."""
    found = scan_html(data.decode("utf-8", errors="replace"))
    return key_of(data), {"scan": to_data(found), "gzip": gzip_size(data)}


class ScanMemo:
    """``scan(data)``: the scan of a page's bytes (and their gzip size via ``size``), from the
    file when the same bytes were scanned by the same scanner before."""

    def __init__(self, file: Path | None, scanned_elsewhere: dict[str, dict] | None = None):
        self.file = file
        self.known: dict[str, dict] = {}
        self.used: dict[str, dict] = {}
        self.scanned = 0
        """Pages actually parsed in this build."""
        if file is not None:
            self.known = load_entries(file, ("scanner", _SCANNER), "pages")
        if scanned_elsewhere:  # by the same scanner, this build (precompress's child)
            self.known.update(scanned_elsewhere)

    def scan(self, data: bytes, gzip_size) -> tuple[PageScan, int]:
        key = key_of(data)
        entry = self.known.get(key) or self.used.get(key)
        if entry is not None:
            try:
                found, size = from_data(entry["scan"]), int(entry["gzip"])
                self.used[key] = entry
                return found, size
            except (KeyError, TypeError, ValueError):
                pass  # a damaged entry: scan again
        key, entry = entry_for(data, gzip_size)
        self.scanned += 1
        self.used[key] = entry
        return from_data(entry["scan"]), entry["gzip"]

    def save(self) -> None:
        if self.file is not None:
            save_entries(self.file, ("scanner", _SCANNER), "pages", self.used)
