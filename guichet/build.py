"""Build the site once with Pelican: content problems in French, no traceback, a short summary.

Pelican's own command prints a traceback for any exception and only logs plugin failures; this
makes both fatal and readable: exit 0 when the site is built, 1 when the content (or a plugin)
has problems, 2 on an internal error, whose details go to ``<CACHE_PATH>/derniere-erreur.txt``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
import traceback
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

from guichet import processes
from guichet.keys import check as check_settings
from guichet.messages import ContentErrors
from guichet.messages import build as msg
from guichet_plugins import out_of_order, plugin_of

OK, CONTENT_ERROR, INTERNAL_ERROR = 0, 1, 2


class _Tally(logging.Handler):
    """Prints log records plainly (staff read them) and counts them."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.errors = 0
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
            prefix = msg.ERROR_PREFIX
        else:
            self.warnings += 1
            prefix = "" if record.name == "guichet" else msg.WARNING_PREFIX
        print(prefix + record.getMessage(), file=sys.stderr)


def _check_plugins(pelican, settings: dict) -> list[str]:
    """Every configured plugin was loaded, and Guichet's in the order they rely on."""
    loaded = {getattr(p, "__name__", str(p)) for p in pelican.plugins}
    problems = [
        msg.PLUGIN_NOT_LOADED.format(name=name)
        for name in settings["PLUGINS"]
        if name not in loaded
    ]
    problems += [
        msg.PLUGIN_OUT_OF_ORDER.format(name=name, before=before)
        for name, before in out_of_order(list(settings["PLUGINS"]))
    ]
    return problems


PHASES = {"images": "photos", "print": "fiches PDF"}
"""Plugins whose cost the summary line shows apart from the pages (plugin → French name)."""


@contextlib.contextmanager
def timed_plugins(plugins: Mapping[str, str]) -> Iterator[dict[str, float]]:
    """For the duration, add up the wall-clock seconds spent in every Pelican signal receiver
    of the ``plugins`` named (by module), into the dict yielded (plugin → seconds; a plugin
    with no receiver connected is absent). Each receiver is swapped in place, under the same
    id, so the order blinker calls them in does not change."""
    from blinker import Signal
    from pelican import signals

    spent: dict[str, float] = {}
    swapped = []

    def timer(receiver, plugin: str):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return receiver(*args, **kwargs)
            finally:
                spent[plugin] += time.perf_counter() - started

        return timed

    for signal in vars(signals).values():
        if not isinstance(signal, Signal):
            continue
        for receiver_id, held in list(signal.receivers.items()):
            receiver = held() if isinstance(held, weakref.ref) else held
            plugin = plugin_of(getattr(receiver, "__module__", "") or "")
            if receiver is None or plugin not in plugins:
                continue
            spent.setdefault(plugin, 0.0)
            signal.receivers[receiver_id] = timer(receiver, plugin)
            swapped.append((signal, receiver_id, held))
    try:
        yield spent
    finally:
        for signal, receiver_id, held in swapped:
            if receiver_id in signal.receivers:
                signal.receivers[receiver_id] = held


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def phases(seconds: float, spent: Mapping[str, float]) -> str:
    """« (pages 1,0 s ; photos 0,4 s ; fiches PDF 3,2 s) »: the build's wall-clock time split
    between the plugins of :data:`PHASES` that ran and the rest (reading, pages, checks…);
    empty when none of them ran."""
    named = [(PHASES[plugin], spent[plugin]) for plugin in PHASES if plugin in spent]
    if not named:
        return ""
    rest = max(0.0, seconds - sum(value for _, value in named))
    shown = [msg.PHASE.format(name="pages", seconds=_seconds(rest))]
    shown += [msg.PHASE.format(name=name, seconds=_seconds(value)) for name, value in named]
    return msg.PHASES.format(phases=" ; ".join(shown))


def summary(
    context: dict, warnings: int, seconds: float, spent: Mapping[str, float] | None = None
) -> str:
    """One line: what was built, how many warnings, how long it took (wall clock), and, when
    ``spent`` times the photos or PDFs (see :func:`timed_plugins`), how that time splits."""
    parts = [
        msg.count(len(context.get("procedures", [])), "démarche"),
        msg.count(len(context.get("counters", [])), "guichet"),
        msg.count(len(context.get("pages", [])), "page"),
    ]
    image_stats = context.get("guichet_image_stats", {})
    images = image_stats.get("images")
    if images is not None:
        parts.append(msg.count(images, "image"))
        if "processed" in image_stats:  # images: how many were decoded, how many were cached
            processed = msg.count(image_stats["processed"], "traitée")
            parts[-1] += msg.IMAGES_DETAIL.format(processed=processed, cached=image_stats["cached"])
    flyers = context.get("guichet_flyer_stats", {}).get("flyers")
    if flyers is not None:
        parts.append(msg.count(flyers, "fiche PDF", "fiches PDF"))
    alerts = msg.count(warnings, "avertissement") if warnings else "aucun avertissement"
    return msg.SUMMARY.format(
        parts=", ".join(parts),
        warnings=alerts,
        seconds=_seconds(seconds),
        phases=phases(seconds, spent or {}),
    )


def build(
    settings_file: str,
    output: str | None = None,
    content: str | None = None,
    cache: str | None = None,
) -> int:
    """Build the site once; return the process exit code."""
    from pelican import Pelican, signals
    from pelican.log import console
    from pelican.log import init as init_logging
    from pelican.settings import read_settings

    started = time.perf_counter()
    tally = _Tally()
    init_logging(level=logging.WARNING, handler=tally)
    override = {}
    for key, value in (("OUTPUT_PATH", output), ("PATH", content), ("CACHE_PATH", cache)):
        if value:
            override[key] = os.path.abspath(value)
    settings = {"CACHE_PATH": cache or "cache"}
    seen: dict = {}
    spent: dict[str, float] = {}

    def remember_context(generators) -> None:
        seen.update(generators[0].context)

    try:
        settings = read_settings(settings_file, override=override)
        check_settings(settings, settings_file)  # before any plugin reads them
        with processes.signals_deferred():
            pelican = Pelican(settings)  # loads the plugins
        plugin_problems = _check_plugins(pelican, settings)
        if plugin_problems or tally.errors:
            for problem in plugin_problems:
                print(msg.ERROR_PREFIX + problem, file=sys.stderr)
            return CONTENT_ERROR
        signals.all_generators_finalized.connect(remember_context)
        console.quiet = True  # Pelican's own summary counts neither procedures nor counters
        with timed_plugins(PHASES) as spent:
            pelican.run()
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return CONTENT_ERROR
    except Exception:
        log = Path(settings.get("CACHE_PATH", "cache")) / "derniere-erreur.txt"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(msg.INTERNAL_ERROR.format(log=log), file=sys.stderr)
        return INTERNAL_ERROR
    finally:
        signals.all_generators_finalized.disconnect(remember_context)
        console.quiet = False
    if tally.errors:
        print(msg.BUILD_HAD_ERRORS.format(count=tally.errors), file=sys.stderr)
        return CONTENT_ERROR
    print(summary(seen, tally.warnings, time.perf_counter() - started, spent))
    return OK
