"""How many worker processes a build step may start: shared by the images and print plugins."""

from __future__ import annotations

import os
import threading


def worker_count(setting: int | None, jobs: int) -> int:
    """Processes to start: the setting, or one per core available to us; never more than jobs."""
    if setting is None:
        try:
            setting = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            setting = os.cpu_count() or 1
    return max(1, min(setting, jobs))


def fork_is_safe() -> bool:
    """Whether this process may fork now: no thread runs but this one (a fork copies the locks
    other threads hold, and the child can hang on one)."""
    return threading.active_count() == 1
