"""PDFs already rendered, by key: a hash of everything that shapes them.

The key of a flyer is the SHA-256 of the flyer's full HTML (procedure, counters and template
rendered together), of the stylesheets it links and of the engine version; its entry is the PDF
and a small JSON record of how it was fitted. Entries not used by a build are removed at its
end, so the cache never holds more than one site's worth of PDFs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from guichet.atomic import write_atomically


def make_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:32]


class PdfCache:
    """``<folder>/<key>.pdf`` and ``<key>.json``; remembers which keys this build used."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> tuple[bytes, dict] | None:
        pdf, record = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        self.used.add(key)
        try:
            return pdf.read_bytes(), json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, pdf: bytes, record: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.used.add(key)
        write_atomically(self.folder / f"{key}.pdf", pdf)
        write_atomically(self.folder / f"{key}.json", json.dumps(record, sort_keys=True).encode())

    def prune(self) -> int:
        """Remove entries this build did not use, and temporary files a killed build left; return
        how many files were removed."""
        removed = 0
        for path in _entries(self.folder):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _entries(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".pdf", ".json", ".tmp"})
