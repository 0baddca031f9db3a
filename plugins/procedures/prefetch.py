"""Convert the generator's Markdown in worker processes, one per core, before it reads it.

Pelican reads one file after another in one process, and converting Markdown is about half of a
cold build. Here the files not in Pelican's content cache go, in the order they will be read, to
worker processes running the very reader Pelican would (same settings, same extensions: the
workers are forks of the build). They return what Pelican's content cache stores, the HTML and
the metadata; the generator then reads in its usual order (same messages, same cache) and gets
each file's result instead of converting it again. A worker that fails on a file gives nothing
back: the generator reads that file itself and reports the problem as always. With one worker
(``GUICHET_READ_WORKERS = 1``) or few files to convert, nothing changes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from guichet.workers import worker_count

PREFETCH_FROM = 40
"""Fewer files to convert than this: not worth starting processes (~50 ms each)."""

_reader = None
"""The reader of the build being read, set before the workers are forked (they inherit it)."""


def _convert(path: str):
    try:
        return _reader.read(path)
    except Exception:  # the generator reads the file again itself and reports the problem
        return None


class Prefetched:
    """Stands in for a Pelican reader: ``read`` gives a worker's result, or reads as usual."""

    def __init__(self, reader, results: dict[str, Future]):
        self._reader, self._results = reader, results
        self.served = 0
        """Files whose worker's result was used."""

    def read(self, path: str):
        future = self._results.pop(path, None)
        found = future.result() if future is not None else None
        if found is None:
            return self._reader.read(path)
        self.served += 1
        return found

    def __getattr__(self, name: str):
        return getattr(self._reader, name)


@contextmanager
def prefetched(readers, base_path: str, paths: list[str], workers: int | None) -> Iterator[None]:
    """While in this block, ``readers.read_file`` of ``paths`` (relative to ``base_path``) gets
    the files converted in worker processes."""
    global _reader
    by_format: dict[str, list[str]] = {}
    for path in paths:
        full = os.path.abspath(os.path.join(base_path, path))
        fmt = os.path.splitext(full)[1][1:]
        if fmt in readers.readers and readers.get_cached_data(full, None) is None:
            by_format.setdefault(fmt, []).append(full)
    fmt, todo = max(by_format.items(), key=lambda item: len(item[1]), default=("", []))
    count = worker_count(workers, len(todo))
    if count < 2 or len(todo) < PREFETCH_FROM:
        yield
        return
    reader = readers.readers[fmt]
    _reader = reader
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            results = {path: pool.submit(_convert, path) for path in todo}
            readers.readers[fmt] = Prefetched(reader, results)
            try:
                yield
            finally:
                readers.readers[fmt] = reader
                for future in results.values():
                    future.cancel()
    finally:
        _reader = None
