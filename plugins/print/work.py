"""Fit many flyers at once: each is laid out at level 0, then at the next level of the layout
rule while it does not fit, every layout in a pool of processes (one per core).

No Pelican here: a flyer is a function ``level → Typst input`` (``render.typst_input`` of its
content at that level, made in this process, lazily, only for the levels tried). Results do
not depend on the number of processes: each flyer's levels are tried in order, and results come
back by flyer.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import forkserver

from guichet.workers import worker_count

from . import quiet_start
from . import render as render_module
from .fit import PAGES, Fitted
from .render import Layout, lay_out_level


@dataclass(frozen=True)
class Flyer:
    data_at: Callable[[int], str]


def next_level(flyer: Flyer, level: int, levels: int) -> int | None:
    """The next level whose flyer differs from ``level``'s (a cut may change nothing here)."""
    data = flyer.data_at(level)
    return next((n for n in range(level + 1, levels) if flyer.data_at(n) != data), None)


def fit_flyers(
    flyers: Sequence[Flyer],
    levels: int,
    workers: int | None = None,
) -> list[Fitted]:
    """Every flyer at its first level that fits (or its last level), in the order given."""
    count = worker_count(workers, len(flyers))
    if count == 1:
        return _fit(flyers, levels, _run_here)
    with worker_pool(count) as pool:
        return _fit(flyers, levels, pool.submit)


def worker_pool(count: int) -> ProcessPoolExecutor:
    """``count`` processes that lay flyers out. They are forked from a fresh server process
    that imported this plugin, never from this one: a process that already compiled with Typst
    has its threads, and a fork of it can hang. The server is quiet (quiet_start.py)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([render_module.__name__, quiet_start.__name__])
    os.environ[quiet_start.QUIET_START] = "1"  # read by the server when it starts, now
    try:
        forkserver.ensure_running()
    finally:
        del os.environ[quiet_start.QUIET_START]
    return ProcessPoolExecutor(count, mp_context=context)


def _fit(flyers, levels, submit) -> list[Fitted]:
    overflow: dict[int, float] = {}
    parts: dict[int, dict[str, float]] = {}
    fitted: dict[int, Fitted] = {}
    # Layouts come back as they are done, through a queue: waiting on every running future at
    # each turn would cost the main process O(flyers²).
    done: queue.SimpleQueue = queue.SimpleQueue()
    running = 0

    def start(index: int, level: int, pdf: bool = False) -> None:
        nonlocal running
        data = flyers[index].data_at(level)
        future = submit(lay_out_level, data, PAGES[level], level == 0, pdf)
        running += 1
        future.add_done_callback(lambda f: done.put((index, level, f)))

    for index in range(len(flyers)):
        start(index, 0)
    while running:
        index, level, future = done.get()
        running -= 1
        result: Layout = future.result()
        if level == 0:
            overflow[index] = max(result.overflow_mm, 0.0)
            parts[index] = result.parts_mm
        # The next level is made only now, when this one did not fit.
        following = None if result.fits else next_level(flyers[index], level, levels)
        if following is None and result.pdf is None:
            # The last level, and it does not fit either: its PDF is written all the same
            # (a level that does not fit is laid out without it, as the next one may fit).
            start(index, level, pdf=True)
        elif following is None:
            fitted[index] = Fitted(level, result.pages, overflow[index], result.pdf, parts[index])
        else:
            start(index, following)
    return [fitted[index] for index in range(len(flyers))]


def _run_here(function, *args) -> Future:
    """``submit`` without a pool: run now, in this process."""
    future: Future = Future()
    future.set_result(function(*args))
    return future
