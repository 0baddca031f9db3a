"""Bench-only plugin: writes what the other plugins counted, and when each phase ended.

Added last to PLUGINS by the benchmark's settings files, never by pelicanconf.py. At
``finalized`` it writes ``{"image_stats", "flyer_stats", "phases"}`` as JSON to the file named by
the environment variable ``GUICHET_BENCH_STATS`` (nothing when it is unset). It keeps a reference
to the shared context, so stats set while pages are written are seen too.
"""

from __future__ import annotations

import json
import os
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
    }
    with open(target, "w", encoding="utf-8") as out:
        json.dump(report, out, default=str, sort_keys=True)


def register():
    signals.initialized.connect(started)
    signals.all_generators_finalized.connect(generated)
    signals.finalized.connect(finished)
