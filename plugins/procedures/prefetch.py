"""Convert the generator's Markdown in worker processes, one per core, before it reads it.

Pelican reads one file after another in one process, and converting Markdown is about half of a
cold build. Here the files not in Pelican's content cache go, in the order they will be read, to
worker processes running the very reader Pelican would (same settings, same extensions: the
workers are forks of the build). They return what Pelican's content cache stores, the HTML and
the metadata; the generator then reads in its usual order (same messages, same cache) and gets
each file's result instead of converting it again. A worker that fails on a file gives nothing
back: the generator reads that file itself and reports the problem as always. With one worker
(``GUICHET_READ_WORKERS = 1``) or few files, nothing changes.

The workers are forked as the build's first generator is made (:func:`start`), before any other
plugin starts a thread (a fork copies the locks other threads hold, and the child can hang on
one), and never in a process that has another thread (the devserver's). The images' pool waits
until this pool is stopped (``guichet.workers.fork_is_safe``; tests/site/test_forks.py).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from guichet.workers import worker_count

PREFETCH_FROM = 40
"""Fewer files than this: not worth starting processes (~50 ms each)."""

_readers = None
"""The build's Pelican ``Readers``, set while the workers are forked (they inherit it)."""


def _convert(fmt: str, path: str):
    try:
        return _readers.readers[fmt].read(path)
    except Exception:  # the generator reads the file again itself and reports the problem
        return None


def _forked() -> None:
    """The first job: its submission forks every worker (a fork pool starts them all at once)."""


class Workers:
    """Processes forked from the build, each holding its readers (Pelican's ``Readers``)."""

    def __init__(self, readers, count: int):
        global _readers
        self.context: object = None
        """The build's shared context (which build they were started for)."""
        _readers = readers
        try:
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(count, mp_context=context)
            self._pool.submit(_forked)
        finally:
            _readers = None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def prefetched(self, readers, base_path: str, paths: list[str]) -> Iterator[None]:
        """While in this block, ``readers.read_file`` of ``paths`` (relative to ``base_path``)
        gets the files converted by the workers (those not in the content cache)."""
        by_format: dict[str, list[str]] = {}
        for path in paths:
            full = os.path.abspath(os.path.join(base_path, path))
            fmt = os.path.splitext(full)[1][1:]
            if fmt in readers.readers and readers.get_cached_data(full, None) is None:
                by_format.setdefault(fmt, []).append(full)
        fmt, todo = max(by_format.items(), key=lambda item: len(item[1]), default=("", []))
        if len(todo) < PREFETCH_FROM:
            yield
            return
        results = {path: self._pool.submit(_convert, fmt, path) for path in todo}
        reader = readers.readers[fmt]
        readers.readers[fmt] = Prefetched(reader, results)
        try:
            yield
        finally:
            readers.readers[fmt] = reader
            for future in results.values():
                future.cancel()


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


def start(readers, files: int, setting: int | None) -> Workers | None:
    """The workers for a build that may read ``files`` files (GUICHET_READ_WORKERS:
    ``setting``), or None when one process will do."""
    count = worker_count(setting, files)
    if count < 2 or files < PREFETCH_FROM:
        return None
    return Workers(readers, count)


_build: tuple[object, Workers | None] | None = None
"""The build the workers were started for (its shared context), and them."""


def start_for(context: object, readers, files: int, setting: int | None) -> None:
    """Start the workers of the build whose shared context is ``context``, once."""
    global _build
    if _build is not None and _build[0] is context:
        return
    stop()
    _build = (context, start(readers, files, setting))


def decided(context: object) -> bool:
    """Whether this build's workers were started, or found not worth it."""
    return _build is not None and _build[0] is context


def started(context: object) -> Workers | None:
    """The workers started for this build, if any."""
    return _build[1] if _build is not None and _build[0] is context else None


def stop() -> None:
    """Stop the workers (once their build read its procedures, or a new build starts)."""
    global _build
    build, _build = _build, None
    if build is not None and build[1] is not None:
        build[1].close()
