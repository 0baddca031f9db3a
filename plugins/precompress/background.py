"""Compress pages in a child process while Pelican renders the next ones.

Pelican works on one core; the child, on the other, makes each page's copies as soon as the
page is written (and minified). A process, not a thread: the worker's many small file
operations would otherwise fight the renderer for Python's lock (measured: slower than no
worker at all). The parent sends absolute paths as JSON lines; once its input is closed, the
child answers with the files it did and the digest of the bytes it compressed, so that the pass
over the whole tree (``precompress_tree``) only compresses what changed since. Should the child
fail in any way, the tree pass does the work (and reports the error). No Pelican here.

When the checks plugin is on, the child also scans each HTML page for it (``scan_page``): the
parse and the served gzip size, keyed by the SHA-256 of the bytes, exactly what the checks'
memo (plugins/checks/memo.py) would compute itself. The checks then find every page already
scanned, and the parse, the longest part of the checks, ran on the other core.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .compress import GZIP, Encoding, brotli_encoding, digest, precompress_file

_CHILD = f"import sys; from {__name__} import serve; serve(sys.argv[1:])"
"""The child's program: this module's ``serve``."""


def encodings_for(brotli_quality: int | None) -> list[Encoding]:
    return [GZIP] if brotli_quality is None else [GZIP, brotli_encoding(brotli_quality)]


def scan_page(path: Path, data: bytes) -> tuple[str, dict]:
    """The checks' memo entry of a page (its key, and its scan and served gzip size)."""
    from guichet_plugins.checks.budget import served_gzip_size
    from guichet_plugins.checks.memo import entry_for

    return entry_for(data, lambda same: served_gzip_size(path, same))


def serve(args: list[str], lines=None, out=None) -> None:
    """The child: ``args`` are the brotli quality (or ``none``), the minimum size and, with
    ``scan``, whether to scan HTML pages for the checks; reads paths from ``lines`` (stdin),
    compresses each, then writes what it did to ``out``."""
    quality = None if args[0] == "none" else int(args[0])
    encodings, min_bytes = encodings_for(quality), int(args[1])
    scanning = args[2:3] == ["scan"]
    done, scans = [], {}
    for line in sys.stdin if lines is None else lines:
        try:
            path = Path(json.loads(line))
            data = path.read_bytes()
            precompress_file(path, encodings, min_bytes, data)
        except Exception:  # left to the tree pass, which reports it
            continue
        done.append([str(path), digest(data).hex()])
        if scanning and path.suffix.lower() == ".html":
            try:
                key, entry = scan_page(path, data)
                scans[key] = entry
            except Exception:  # the checks scan the page themselves
                pass
    json.dump({"done": done, "scans": scans}, sys.stdout if out is None else out)


class Background:
    """One child process, started with the first page and stopped by ``finish``."""

    def __init__(self) -> None:
        self._child: subprocess.Popen | None = None
        self._args: list[str] = []
        self._broken = False
        self.scans: dict[str, dict] = {}
        """Checks' memo entries of the pages the child scanned (set by ``finish``)."""

    def submit(
        self, path: str, brotli_quality: int | None, min_bytes: int, scan: bool = False
    ) -> None:
        args = ["none" if brotli_quality is None else str(brotli_quality), str(min_bytes)]
        if scan:
            args.append("scan")
        if self._child is not None and args != self._args:  # a build that stopped half-way
            self.finish()
        if self._broken:
            return
        try:
            if self._child is None:
                self._args = args
                self._child = subprocess.Popen(
                    [sys.executable, "-c", _CHILD, *args],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                    encoding="utf-8",
                )
            self._child.stdin.write(json.dumps(os.path.abspath(path)) + "\n")
        except OSError:  # no child, or it is gone: the tree pass does the work
            self._broken = True

    def finish(self) -> dict[str, bytes]:
        """Wait for the child; the files it did (absolute paths), each with the digest of the
        bytes it compressed. Empty when it failed: the tree pass does them all."""
        child, self._child, self._broken = self._child, None, False
        self.scans = {}
        if child is None:
            return {}
        try:
            answer, _ = child.communicate()
            if child.returncode != 0:
                return {}
            answer = json.loads(answer)
            done = {path: bytes.fromhex(made_from) for path, made_from in answer["done"]}
            self.scans = dict(answer["scans"])
            return done
        except (OSError, ValueError, TypeError, KeyError):
            child.kill()
            return {}
