"""Process many images at once: one process per core, a progress line on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TextIO

from .plan import Options
from .process import Failure, Processed, process_safely

_PLUGINS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def process_file(path: str, options: Options) -> Processed | Failure:
    """Read and process one source file (in a worker process); never raises."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        return Failure("corrupt", {"error": str(error)})
    return process_safely(data, options)


def _init_worker(plugins_dir: str) -> None:
    """Make ``images.work`` importable in workers started without fork (spawn, forkserver)."""
    if plugins_dir not in sys.path:
        sys.path.insert(0, plugins_dir)


def worker_count(setting: int | None, jobs: int) -> int:
    """Processes to start: the setting, or one per core available to us; never more than jobs."""
    if setting is None:
        try:
            setting = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            setting = os.cpu_count() or 1
    return max(1, min(setting, jobs))


def process_all(
    jobs: Mapping[str, str],
    options: Options,
    workers: int | None,
    on_done: Callable[[int], None] = lambda done: None,
) -> dict[str, Processed | Failure]:
    """Process every ``key → path`` job; ``on_done(count)`` after each one finishes."""
    results: dict[str, Processed | Failure] = {}
    count = worker_count(workers, len(jobs))
    if count == 1:
        for key, path in jobs.items():
            results[key] = process_file(path, options)
            on_done(len(results))
        return results
    with ProcessPoolExecutor(count, initializer=_init_worker, initargs=(_PLUGINS_DIR,)) as pool:
        futures = {pool.submit(process_file, path, options): key for key, path in jobs.items()}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            on_done(len(results))
    return results


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
