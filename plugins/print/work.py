"""Fit many flyers at once: each is laid out at level 0, then at the next level of the layout
rule while it does not fit, every layout in a pool of processes (one per core).

No Pelican here: a flyer is a function ``level → HTML`` (the template is rendered in this
process, lazily, only for the levels tried) and its base URL. Results do not depend on the number
of processes: each flyer's levels are tried in order, and results come back by flyer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from guichet.workers import worker_count

from .fit import PAGES, Fitted
from .render import Layout, lay_out_level

_PLUGINS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass(frozen=True)
class Flyer:
    html_at: Callable[[int], str]
    base_url: str


def next_level(flyer: Flyer, level: int, levels: int) -> int | None:
    """The next level whose HTML differs from ``level``'s (a cut may change nothing here)."""
    html = flyer.html_at(level)
    return next((n for n in range(level + 1, levels) if flyer.html_at(n) != html), None)


def fit_flyers(
    flyers: Sequence[Flyer],
    levels: int,
    mounts: Mapping[str, Path],
    workers: int | None = None,
) -> list[Fitted]:
    """Every flyer at its first level that fits (or its last level), in the order given."""
    count = worker_count(workers, len(flyers))
    if count == 1:
        return _fit(flyers, levels, mounts, _run_here)
    with ProcessPoolExecutor(count, initializer=_init_worker, initargs=(_PLUGINS_DIR,)) as pool:
        return _fit(flyers, levels, mounts, pool.submit)


def _fit(flyers, levels, mounts, submit) -> list[Fitted]:
    overflow: dict[int, float] = {}
    parts: dict[int, dict[str, float]] = {}
    fitted: dict[int, Fitted] = {}
    running: dict[Future, tuple[int, int, int | None]] = {}

    def start(index: int, level: int) -> None:
        flyer = flyers[index]
        following = next_level(flyer, level, levels)
        future = submit(
            lay_out_level,
            flyer.html_at(level),
            flyer.base_url,
            mounts,
            following is None,
            PAGES[level],
            level == 0,
        )
        running[future] = (index, level, following)

    for index in range(len(flyers)):
        start(index, 0)
    while running:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            index, level, following = running.pop(future)
            result: Layout = future.result()
            if level == 0:
                overflow[index] = max(result.overflow_mm, 0.0)
                parts[index] = result.parts_mm
            if result.fits or following is None:
                fitted[index] = Fitted(
                    level, result.pages, overflow[index], result.pdf, parts[index]
                )
            else:
                start(index, following)
    return [fitted[index] for index in range(len(flyers))]


def _run_here(function, *args) -> Future:
    """``submit`` without a pool: run now, in this process."""
    future: Future = Future()
    future.set_result(function(*args))
    return future


def _init_worker(plugins_dir: str) -> None:
    """Make ``print.render`` importable in workers started without fork (spawn, forkserver)."""
    if plugins_dir not in sys.path:
        sys.path.insert(0, plugins_dir)
