"""SHA-256 of source images, remembered between builds while the file is unchanged on disk.

The image cache is keyed on each source's bytes; hashing 200 camera photos (600 MB) on every
build made a no-op rebuild read them all. This index remembers each file's digest with its
(size, mtime_ns, ctime_ns, inode): a file whose stamp is the same is not read again. A changed
stamp (any write changes ctime) means reading and hashing it. The cache stays keyed on bytes;
the index only saves the reading. No Pelican, no Pillow.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from guichet.remembered import load_entries, save_entries

VERSION = 1


def file_digest(path: str) -> str:
    """SHA-256 of the file's bytes, read in 1 MiB chunks."""
    hasher = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            hasher.update(chunk)
    return hasher.hexdigest()


def stamp(path: str) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


class DigestIndex:
    """``digest(path)`` from the index when the stamp matches; ``save()`` keeps only the files
    asked for in this build. A missing or unreadable index is an empty one."""

    def __init__(self, file: Path):
        self.file = file
        self.known: dict[str, dict] = {}
        self.used: dict[str, dict] = {}
        self.read = 0
        """Files actually read and hashed in this build."""
        self.known = load_entries(file, ("version", VERSION), "files")

    def digest(self, path: str) -> str:
        current = stamp(path)
        entry = self.used.get(path) or self.known.get(path)  # asked already in this build?
        if not (isinstance(entry, dict) and entry.get("stamp") == current and entry.get("sha256")):
            entry = {"stamp": current, "sha256": file_digest(path)}
            self.read += 1
            if stamp(path) != current:  # written while we read it: do not remember
                entry = {"stamp": None, "sha256": entry["sha256"]}
        self.used[path] = entry
        return entry["sha256"]

    def save(self) -> None:
        """Write the index (sorted: the same bytes for the same files), atomically."""
        files = {path: entry for path, entry in self.used.items() if entry["stamp"]}
        save_entries(self.file, ("version", VERSION), "files", files)
