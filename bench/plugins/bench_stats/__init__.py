"""Bench-only plugin: writes what the other plugins counted, and when each phase ended.

Added last to PLUGINS by the benchmark's settings files (plain Pelican's too: it only
observes), never by pelicanconf.py. At ``finalized`` it writes ``{"image_stats",
"flyer_stats", "phases", "cpu"}`` as JSON to the file named by the environment variable
``GUICHET_BENCH_STATS`` (nothing when it is unset). It keeps a reference to the shared context,
so stats set while pages are written are seen too. ``cpu`` splits the CPU time (user + sys) of
the build's own process from that of the child processes it waited for (the Markdown workers,
the precompress child): the work done beside the renderer.
"""

from __future__ import annotations

import json
import os
import resource
import time

from pelican import signals

_state: dict = {}


def started(pelican) -> None:
    _state.clear()
    _state["t0"] = time.perf_counter()


def generated(generators) -> None:
    _state["context"] = generators[0].context if generators else {}
    _state["generated"] = time.perf_counter()


def finished(pelican) -> None:
    target = os.environ.get("GUICHET_BENCH_STATS")
    if not target or "t0" not in _state:
        return
    context = _state.get("context", {})
    end = time.perf_counter()
    read = _state.get("generated", end) - _state["t0"]
    report = {
        "image_stats": context.get("guichet_image_stats"),
        "flyer_stats": context.get("guichet_flyer_stats"),
        "phases": {"read_s": round(read, 4), "write_s": round(end - _state["t0"] - read, 4)},
        "cpu": {"own_s": _cpu(resource.RUSAGE_SELF), "children_s": _cpu(resource.RUSAGE_CHILDREN)},
    }
    with open(target, "w", encoding="utf-8") as out:
        json.dump(report, out, default=str, sort_keys=True)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return round(usage.ru_utime + usage.ru_stime, 3)


def register():
    signals.initialized.connect(started)
    signals.all_generators_finalized.connect(generated)
    signals.finalized.connect(finished)
