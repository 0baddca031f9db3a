"""Derivatives on disk: the cache (``CACHE_PATH/images/<key>/``) and the output folder.

A cache entry holds the derivatives of one source under one set of options, and a manifest
written last (an interrupted build leaves no half entry). Entries this build did not use are
removed, so the cache holds at most what the site uses. No Pelican, no Pillow.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from guichet.atomic import write_atomically

from .plan import _EXTENSIONS, OUTPUT_NAME, digest, output_name
from .process import Processed

MANIFEST = "entry.json"


@dataclass(frozen=True)
class Derivative:
    width: int
    height: int
    format: str
    role: str
    """``main``, ``webp`` or ``lowtech`` (see process.Variant)."""
    digest: str
    size: int
    """Bytes."""

    @property
    def cache_file(self) -> str:
        return f"{self.role}-{self.width}.{self.digest}.{_EXTENSIONS[self.format]}"


@dataclass(frozen=True)
class Entry:
    width: int
    height: int
    frames: int
    derivatives: tuple[Derivative, ...]

    def of_role(self, role: str) -> list[Derivative]:
        return sorted((d for d in self.derivatives if d.role == role), key=lambda d: d.width)


class Cache:
    def __init__(self, root: Path):
        self.root = root

    def get(self, key: str) -> Entry | None:
        """The entry, if complete (manifest and every file present)."""
        folder = self.root / key
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            entry = Entry(
                data["width"],
                data["height"],
                data["frames"],
                tuple(Derivative(**d) for d in data["derivatives"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if all((folder / d.cache_file).is_file() for d in entry.derivatives):
            return entry
        return None

    def put(self, key: str, processed: Processed) -> Entry:
        folder = self.root / key
        folder.mkdir(parents=True, exist_ok=True)
        derivatives = []
        for variant in processed.variants:
            derivative = Derivative(
                variant.width,
                variant.height,
                variant.format,
                variant.role,
                digest(variant.data),
                len(variant.data),
            )
            write_atomically(folder / derivative.cache_file, variant.data)
            derivatives.append(derivative)
        entry = Entry(processed.width, processed.height, processed.frames, tuple(derivatives))
        manifest = json.dumps(asdict(entry), sort_keys=True).encode()
        write_atomically(folder / MANIFEST, manifest)
        return entry

    def path(self, key: str, derivative: Derivative) -> Path:
        return self.root / key / derivative.cache_file

    def prune(self, used: set[str]) -> int:
        """Remove every entry not in ``used``; how many were removed."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for folder in self.root.iterdir():
            if folder.is_dir() and folder.name not in used:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed


def publish(cache: Cache, key: str, entry: Entry, stem: str, output: Path) -> dict[Derivative, str]:
    """Copy an entry's derivatives to ``output`` (skipping those already there: their names hold
    their hash); each derivative's name relative to ``output``."""
    names = {}
    for derivative in entry.derivatives:
        d = derivative
        name = output_name(stem, d.width, d.format, d.digest, d.role)
        target = output / name
        if not (target.is_file() and target.stat().st_size == derivative.size):
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, cache.path(key, derivative).read_bytes(), 0o644)
        names[derivative] = name
    return names


def prune_output(output: Path, keep: set[str]) -> int:
    """Remove derivatives (names made by plan.output_name) not in ``keep``; then empty folders."""
    if not output.is_dir():
        return 0
    removed = 0
    for path in sorted(output.rglob("*"), reverse=True):
        relative = path.relative_to(output).as_posix()
        if path.is_file() and OUTPUT_NAME.search(path.name) and relative not in keep:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed
