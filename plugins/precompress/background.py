"""Compress pages on a worker thread while Pelican renders the next ones.

zlib and brotli release the GIL: a page's copies are made on the second core as soon as it is
written (and minified), instead of all of them at the end. Pure threading: no Pelican here.
``finish`` waits for the worker and tells which files were done, from which bytes, so that the
pass over the whole tree (``precompress_tree``) only compresses what changed since.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from .compress import Encoding, digest, precompress_file


def _precompress(path: Path, encodings: tuple[Encoding, ...], min_bytes: int) -> bytes:
    data = path.read_bytes()
    precompress_file(path, encodings, min_bytes, data)
    return digest(data)


class Background:
    """One worker thread, started with the first file and stopped by ``finish``."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._jobs: dict[str, Future] = {}

    def submit(self, path: str, encodings: Iterable[Encoding], min_bytes: int) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="precompress")
        job = self._pool.submit(_precompress, Path(path), tuple(encodings), min_bytes)
        self._jobs[os.path.abspath(path)] = job  # written twice: the last write counts

    def finish(self) -> dict[str, bytes]:
        """Wait for every job; the files done (absolute paths), each with the digest of the
        bytes compressed. A job that failed is left out: the tree pass does it again (and
        reports its error)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        jobs, self._pool, self._jobs = self._jobs, None, {}
        return {path: job.result() for path, job in jobs.items() if job.exception() is None}
