"""Write ``<file>.gz`` (and ``<file>.br``) beside text files, for nginx ``gzip_static``.

Pure functions: nothing here imports Pelican. Output is byte-identical across builds: gzip
with ``mtime=0`` and no file name in the header, brotli has no header. A compressed file whose
content already matches is not rewritten (a rebuild only decompresses it to compare); a
compressed file whose source is gone, too small, or no longer worth compressing is removed, so
nginx never serves a stale copy.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import brotli

from guichet.atomic import write_atomically


def gzip_bytes(data: bytes) -> bytes:
    """gzip -9, no timestamp, no file name: the same bytes on every build. (zopfli is ~2 %
    smaller on our pages for ~900× the time: not worth it.)"""
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes, quality: int = 11) -> bytes:
    """Brotli in text mode; 11 is its best quality. On our pages (~10 KB), quality 11 takes
    ~13 ms a file, 10 ~4.5 ms (+2 % bytes), 5 ~0.25 ms (+9 %, still ~4 % below gzip -9)."""
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)


@dataclass(frozen=True)
class Encoding:
    suffix: str
    compress: Callable[[bytes], bytes]
    decompress: Callable[[bytes], bytes]


GZIP = Encoding(".gz", gzip_bytes, gzip.decompress)
BROTLI = Encoding(".br", brotli_bytes, brotli.decompress)


def brotli_encoding(quality: int) -> Encoding:
    """Brotli at ``quality`` (0–11): a lower one for the preview loop, 11 to publish."""
    if quality == 11:
        return BROTLI
    return Encoding(".br", partial(brotli_bytes, quality=quality), brotli.decompress)


@dataclass
class Stats:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)

    def merge(self, other: Stats) -> None:
        self.written += other.written
        self.unchanged += other.unchanged
        self.removed += other.removed


def worth_compressing(size: int, compressed_size: int) -> bool:
    """A copy that saves less than 5 % is not kept: the client would spend more time
    decoding it than it saves on the wire."""
    return compressed_size <= size * 0.95


def _same_content(target: Path, data: bytes, encoding: Encoding) -> bool:
    try:
        return encoding.decompress(target.read_bytes()) == data
    except Exception:  # a corrupt or foreign file: rewrite it
        return False


def digest(data: bytes) -> bytes:
    """What names a file's bytes, to tell whether its copies were made from them."""
    return hashlib.blake2b(data, digest_size=16).digest()


def precompress_file(
    path: Path, encodings: Iterable[Encoding], min_bytes: int, data: bytes | None = None
) -> Stats:
    """Write or refresh each compressed copy of ``path`` (whose bytes are ``data`` when the
    caller read them already); remove the ones not worth keeping."""
    stats = Stats()
    data = path.read_bytes() if data is None else data
    mode = path.stat().st_mode & 0o777
    for encoding in encodings:
        target = path.with_name(path.name + encoding.suffix)
        if len(data) >= min_bytes:
            if _same_content(target, data, encoding):
                stats.unchanged += 1
                continue
            payload = encoding.compress(data)
            if worth_compressing(len(data), len(payload)):
                write_atomically(target, payload, mode)
                stats.written.append(str(target))
                continue
        if target.exists():
            target.unlink()
            stats.removed.append(str(target))
    return stats


def precompress_tree(
    root: Path,
    extensions: Iterable[str],
    encodings: Iterable[Encoding],
    min_bytes: int,
    done: Mapping[str, bytes] | None = None,
) -> Stats:
    """Precompress every file under ``root`` whose name ends with one of ``extensions``, and
    remove compressed copies (of those extensions) whose file no longer exists.

    ``done`` maps files already precompressed (absolute paths) to the :func:`digest` of the
    bytes their copies were made from, with the same encodings: a file that still holds them
    is only read, one that changed since is compressed again."""
    extensions = tuple(e.lower() for e in extensions)
    encodings = tuple(encodings)
    all_suffixes = (GZIP.suffix, BROTLI.suffix)
    unused_suffixes = [s for s in all_suffixes if s not in {e.suffix for e in encodings}]
    stats = Stats()
    for path in sorted(Path(root).rglob("*")):
        if not path.is_file():
            continue
        name = path.name.lower()
        if name.endswith(extensions):
            made_from = done.get(os.path.abspath(path)) if done else None
            data = path.read_bytes()
            if made_from is not None and made_from == digest(data):
                stats.unchanged += len(encodings)
            else:
                stats.merge(precompress_file(path, encodings, min_bytes, data))
            for suffix in unused_suffixes:
                unused = path.with_name(path.name + suffix)
                if unused.exists():
                    unused.unlink()
                    stats.removed.append(str(unused))
        elif (
            name.endswith(all_suffixes)
            and name[:-3].endswith(extensions)
            and not path.with_name(path.name[:-3]).exists()
        ):
            path.unlink()
            stats.removed.append(str(path))
    return stats
