"""How many worker processes a build step may start: shared by the images and print plugins."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import signal


def worker_count(setting: int | None, jobs: int) -> int:
    """Processes to start: the setting, or one per core available to us; never more than jobs."""
    if setting is None:
        try:
            setting = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            setting = os.cpu_count() or 1
    return max(1, min(setting, jobs))


SERVED_MODULES = ("guichet_plugins.images.work", "guichet_plugins.print.render")
"""What the worker processes of the images and print pools run, imported once in their server."""


def clean_workers() -> multiprocessing.context.BaseContext:
    """The start method of every pool whose workers need nothing of the build's state: they are
    forked from one server process that has no thread and imported ``SERVED_MODULES`` (a fork
    of the build could copy a lock another thread holds, and hang on it). The Markdown workers
    (procedures/prefetch.py) are forks of the build, so these pools may have threads running by
    then. One server for the whole build: its modules are set here, for both plugins, before the
    first of them starts it."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(SERVED_MODULES))
    return context


def dies_with_server() -> None:
    """Initializer of the forkserver's workers: killed when their server exits (it does as soon
    as the build process dies, guichet/processes.py's rule), Ctrl-C left to the build."""
    from guichet.processes import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(signal.SIGKILL)
