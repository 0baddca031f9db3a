"""Process many images at once: one process per core, a progress line on a terminal."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import TextIO

from guichet.workers import fork_is_safe

from .plan import Options
from .process import Failure, Processed, process_safely


def process_file(path: str, options: Options) -> Processed | Failure:
    """Read and process one source file (in a worker process); never raises."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        return Failure("corrupt", {"error": str(error)})
    return process_safely(data, options)


class Pool:
    """Worker processes fed ``key → path`` jobs, some of them before the build knows it needs
    them all (:meth:`add`, while Pelican still reads the content).

    Jobs added early are handed to the processes a few at a time: each one finishing hands over
    the next (in the executor's thread). A build stopped by a content error before
    :meth:`results` thus leaves at most a few images to finish before the command exits (a
    process pool finishes what it was handed). With one worker, nothing is started early and
    :meth:`results` processes in this process.
    """

    def __init__(self, options: Options, count: int):
        self.options = options
        self.count = count
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._waiting: dict[str, str] = {}
        self._futures: dict[str, Future] = {}
        self._started: set[str] = set()
        self._ahead = 2 * count
        """Unfinished jobs handed to the processes at most (enough to keep them busy)."""
        self._stopped = False

    @property
    def started(self) -> set[str]:
        """Keys handed to a process so far."""
        with self._lock:
            return set(self._started)

    def add(self, key: str, path: str) -> None:
        """Process ``path`` under ``key`` in the background, if not asked already."""
        if self.count < 2:
            return
        with self._lock:
            if key in self._started or key in self._waiting:
                return
            self._waiting[key] = path
        self._top_up()

    def results(
        self, jobs: Mapping[str, str], on_done: Callable[[int], None] = lambda done: None
    ) -> Iterator[tuple[str, Processed | Failure]]:
        """Each ``key → path`` job's result as it finishes (those started early included);
        ``on_done(count)`` after each one."""
        if min(self.count, len(jobs)) <= 1 and not self._started:
            for done, (key, path) in enumerate(jobs.items(), 1):
                result = process_file(path, self.options)
                on_done(done)
                yield key, result
            return
        with self._lock:  # unneeded guesses are dropped; every job is handed over now
            self._waiting = {k: p for k, p in self._waiting.items() if k in jobs}
            for key, path in jobs.items():
                if key not in self._started:
                    self._waiting.setdefault(key, path)
            self._ahead = len(self._started) + len(self._waiting)
        self._top_up()
        with self._lock:
            if self._executor is None:  # other threads run (the devserver's): no fork, here
                here = {k: p for k, p in jobs.items() if k not in self._futures}
            else:
                here = {}
                for key, path in self._waiting.items():  # only if handing over failed above
                    self._futures[key] = self._submit(path)
            self._waiting.clear()
            futures = {self._futures.pop(key): key for key in jobs if key not in here}
        for done, (key, path) in enumerate(here.items(), 1):
            result = process_file(path, self.options)
            on_done(done)
            yield key, result
        for done, future in enumerate(as_completed(futures), len(here) + 1):
            on_done(done)
            yield futures[future], future.result()

    def close(self) -> None:
        """Stop the processes; jobs not yet begun are dropped."""
        with self._lock:
            self._stopped = True
            self._waiting.clear()
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _top_up(self, finished: Future | None = None) -> None:
        """Hand waiting jobs over while fewer than ``_ahead`` are unfinished; runs again as each
        job finishes (``finished``). The processes are forked only while this process runs no
        other thread (a fork copies the locks other threads hold, and a child can hang on one):
        until then, as while the Markdown workers read the content, jobs wait."""
        while True:
            with self._lock:
                busy = sum(not f.done() for f in self._futures.values())
                if self._stopped or not self._waiting or busy >= self._ahead:
                    return
                if self._executor is None and not fork_is_safe():
                    return
                key = next(iter(self._waiting))
                try:
                    future = self._submit(self._waiting[key])
                except RuntimeError:  # the interpreter is exiting (a failed build), or broken
                    self._stopped = True
                    return
                del self._waiting[key]
                self._futures[key] = future
                self._started.add(key)
            future.add_done_callback(self._top_up)

    def _submit(self, path: str) -> Future:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.count)
        return self._executor.submit(process_file, path, self.options)


class Progress:
    """One updating line on stderr (``Images : 12/200``) when it is a terminal and the job is
    big enough; silent otherwise (logs, tests, small sites)."""

    def __init__(self, total: int, threshold: int, template: str, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.total = total
        self.template = template
        self.enabled = total > threshold and self.stream.isatty()
        self.shown = False

    def __call__(self, done: int) -> None:
        if self.enabled:
            self.stream.write("\r" + self.template.format(done=done, total=self.total))
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
