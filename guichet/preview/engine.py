"""Pelican kept in the devserver's process: each run renders only the pages asked for.

Pelican reads every file again on each run, from its reader cache (only the changed file is
parsed), and the procedures plugin validates and links them as in a full build; then only the
pages ``select`` names are rendered and written, through the same writer (minified as in a full
build). The plugins whose work a preview does not wait for are muted for the run: ``print``
(PDFs), ``precompress`` (``.gz``/``.br``) and ``checks`` (page budgets); the full build that
follows in the background does them.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from guichet import processes
from guichet.messages import ContentErrors
from guichet.messages import build as build_msg
from guichet_plugins import PACKAGE, plugin_of

from .deps import Owned, Snapshot

MUTED_PLUGINS = frozenset({"print", "precompress", "checks"})
"""Plugins left to the background full build: what they make is not needed to see a page."""
MUTED_RECEIVERS = frozenset({("images", "start_early"), ("opendata", "publish_open_data")})
"""Receivers a preview run does without: the images' head start reads every content file (the
image step itself does all the work anyway); the open data files (JSON, CSV, calendars, site
map: ~0.9 s of CPU at 1,000 procedures) are no page and come with the background build. The
opendata plugin's ``annotate_counters``, which the pages need, still runs."""


@dataclass
class Outcome:
    """What one run did."""

    ok: bool
    report: str = ""
    """On failure: the problems, in French, exactly as printed in the terminal."""
    sources: tuple[str, ...] = ()
    """On failure: the files the problems are in, as staff see them (``content/demarches/x.md``)."""
    snapshot: Snapshot | None = None
    rendered: set[str] = field(default_factory=set)
    """Output paths rendered and written by this run."""


class _Tally(logging.Handler):
    """Prints warnings and errors plainly (as ``guichet build`` does) and keeps the errors."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            text = build_msg.ERROR_PREFIX + record.getMessage()
            self.errors.append(text)
        else:
            prefix = "" if record.name == "guichet" else build_msg.WARNING_PREFIX
            text = prefix + record.getMessage()
        print(text, file=sys.stderr, flush=True)


@contextlib.contextmanager
def muted(
    names: frozenset[str], receivers: frozenset[tuple[str, str]] = frozenset()
) -> Iterator[None]:
    """Disconnect, for the duration, every Pelican signal receiver of the plugins ``names``, and
    the ``receivers`` named (plugin, function)."""
    from blinker import ANY, Signal
    from pelican import signals

    removed = []
    for signal in vars(signals).values():
        if not isinstance(signal, Signal):
            continue
        for receiver in list(signal.receivers_for(ANY)):
            plugin = plugin_of(getattr(receiver, "__module__", "") or "")
            if plugin in names or (plugin, getattr(receiver, "__name__", "")) in receivers:
                signal.disconnect(receiver)
                removed.append((signal, receiver))
    try:
        yield
    finally:
        for signal, receiver in removed:
            signal.connect(receiver)


def _frozen(value):
    """``value`` as a hashable key: mappings and sets in sorted order, the rest as it is."""
    if isinstance(value, Mapping):
        return tuple(sorted(((repr(k), _frozen(v)) for k, v in value.items())))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(v) for v in value))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


_MEMOS: dict[tuple, dict] = {}

MEMOISED = (
    (f"{PACKAGE}.sanitize.plugin", "sanitize_html"),
    (f"{PACKAGE}.procedures.generator", "check_procedure"),
)
"""Pure functions a preview run calls again for every unchanged file, remembered by their
arguments between runs (the same arguments give the same result): sanitize's nh3 pass and the
procedures' validation, each named in the module that calls it (tests/devserver/test_engine.py
checks that both are found: a renamed one would silently not be remembered)."""


@contextlib.contextmanager
def _memoised(names=MEMOISED) -> Iterator[None]:
    """For the duration, each function of ``names`` answers from memory for arguments seen."""
    swapped = []
    for module_name, function_name in names:
        module = sys.modules.get(module_name)
        original = getattr(module, function_name, None)
        if original is None or not callable(original):
            continue
        memo = _MEMOS.setdefault((module_name, function_name, original), {})
        signature = inspect.signature(original)

        def remembered(*args, _original=original, _memo=memo, _signature=signature, **kwargs):
            bound = _signature.bind(*args, **kwargs)
            bound.apply_defaults()
            key = _frozen(bound.arguments)
            if key not in _memo:
                _memo[key] = _original(*args, **kwargs)
            return _memo[key]

        setattr(module, function_name, remembered)
        swapped.append((module, function_name, original))
    try:
        yield
    finally:
        for module, function_name, original in swapped:
            setattr(module, function_name, original)


class _SelectingWriter:
    """Pelican's writer, writing only the pages chosen once every page's place is known."""

    def __init__(self, writer, chosen: set[str] | None, known: frozenset[str] | None):
        self._writer, self.chosen, self.known = writer, chosen, known
        self.requested: set[str] = set()
        self.rendered: set[str] = set()

    def wants(self, name: str) -> bool:
        """Whether ``write_file`` would write the page ``name`` (a generator may then spare
        what only that page needs: the procedures' flyer content)."""
        name = os.path.normpath(name) if name else name
        new = self.known is not None and name not in self.known
        return self.chosen is None or name in self.chosen or new  # a new page is always written

    def write_file(self, name, *args, **kwargs):
        name = os.path.normpath(name) if name else name
        if name:
            self.requested.add(name)
        if not self.wants(name):
            return None
        self.rendered.add(name)
        return self._writer.write_file(name, *args, **kwargs)

    def __getattr__(self, attribute):
        return getattr(self._writer, attribute)


_PROCEDURE_PAGES: dict[tuple, tuple[str, ...]] = {}


def snapshot_of(generators) -> Snapshot:
    """The site's state from Pelican's generators once all content is read (``written`` is
    only known once the pages are written)."""
    snap = Snapshot()
    owner = next((g for g in generators if hasattr(g, "procedures") and hasattr(g, "themes")), None)
    if owner is not None:
        patterns = tuple(
            owner.settings.get(k) for k in ("PROCEDURE_SAVE_AS", "PROCEDURE_FLYER_SAVE_AS")
        )
        for procedure in owner.procedures:
            key = (procedure.source_path, procedure.slug, patterns)
            if key not in _PROCEDURE_PAGES:  # save_as is worked out anew on each access
                pages = (procedure.save_as, procedure.flyer_save_as)
                _PROCEDURE_PAGES[key] = tuple(os.path.normpath(p) for p in pages)
            snap.procedures[os.path.abspath(procedure.source_path)] = Owned(
                pages=_PROCEDURE_PAGES[key],
                theme=getattr(getattr(procedure, "theme", None), "key", ""),
                counters=tuple(c.slug for c in getattr(procedure, "counters", ())),
            )
        for counter in owner.counters:
            pages = (counter.save_as, *(part.save_as for part in counter.parts))
            pages = tuple(os.path.normpath(p) for p in pages)
            snap.counters[os.path.abspath(counter.source_path)] = Owned(pages=(), slug=counter.slug)
            snap.counter_pages[counter.slug] = pages
        for theme in owner.themes:
            snap.theme_pages[theme.key] = tuple(os.path.normpath(p.save_as) for p in theme.parts)
    for generator in generators:
        for page in [*getattr(generator, "pages", ()), *getattr(generator, "hidden_pages", ())]:
            if getattr(page, "save_as", ""):
                own = Owned(pages=(os.path.normpath(page.save_as),))
                snap.pages[os.path.abspath(page.source_path)] = own
    return snap


class Engine:
    """One site, kept in memory between runs."""

    def __init__(self, settings_file: str, output: Path, content: str | None, cache: Path) -> None:
        self.settings_file, self.output, self.content, self.cache = (
            settings_file,
            Path(output).resolve(),
            content,
            Path(cache).resolve(),
        )
        self.snapshot: Snapshot | None = None
        self.settings: dict = {}
        """The settings of the last run."""
        self._tally = _Tally()
        from jinja2.bccache import MemcachedBytecodeCache

        self._memory = _Memory()
        self._bytecode = MemcachedBytecodeCache(self._memory)
        self._jinja_options = ""
        self._logging = False

    def _settings(self) -> dict:
        from pelican.settings import read_settings

        override = {"OUTPUT_PATH": str(self.output), "CACHE_PATH": str(self.cache)}
        if self.content:
            override["PATH"] = os.path.abspath(self.content)
        override["GZIP_CACHE"] = False  # the preview's own reader cache: saved on every run
        settings = read_settings(self.settings_file, override=override)
        # Templates compiled once per source text, not once per run (same output).
        jinja = dict(settings.get("JINJA_ENVIRONMENT", {}))
        options = repr(sorted(jinja.items()))
        if options != self._jinja_options:  # code compiled with other options is not reused
            self._memory.clear()
            self._jinja_options = options
        jinja.setdefault("bytecode_cache", self._bytecode)
        settings["JINJA_ENVIRONMENT"] = jinja
        return settings

    def run(self, select: Callable[[Snapshot], set[str] | None], new_pages: bool = True) -> Outcome:
        """Read the site again and render the pages ``select`` names from the new state, and
        (``new_pages``) any page the last run did not write."""
        from pelican import Pelican, signals
        from pelican.log import console
        from pelican.log import init as init_logging

        if not self._logging:
            init_logging(level=logging.WARNING, handler=self._tally)
            self._logging = True
        self._tally.errors = []
        seen: list = []
        holder: dict = {}

        def remember(generators) -> None:
            seen[:] = generators

        try:
            settings = self._settings()
            self.settings = settings
            with processes.signals_deferred():
                pelican = Pelican(settings)  # loads the plugins
            original = pelican._get_writer

            def writer():
                snap = snapshot_of(seen)
                holder["snapshot"] = snap
                known = None
                if new_pages:
                    known = self.snapshot.written if self.snapshot else frozenset()
                holder["writer"] = _SelectingWriter(original(), select(snap), known)
                return holder["writer"]

            pelican._get_writer = writer
            signals.all_generators_finalized.connect(remember)
            console.quiet = True
            with muted(MUTED_PLUGINS, MUTED_RECEIVERS), _memoised():
                pelican.run()
        except ContentErrors as errors:
            sources = tuple(sorted({p.file for p in errors.problems}))
            return Outcome(ok=False, report=errors.report(), sources=sources)
        except Exception:
            log = self.cache / "derniere-erreur.txt"
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text(traceback.format_exc(), encoding="utf-8")
            return Outcome(ok=False, report=build_msg.INTERNAL_ERROR.format(log=log))
        finally:
            signals.all_generators_finalized.disconnect(remember)
            console.quiet = False
        if self._tally.errors:
            return Outcome(ok=False, report="\n".join(self._tally.errors))
        written = holder["writer"]
        snap = holder["snapshot"]
        snap.written = frozenset(written.requested)
        self.snapshot = snap
        return Outcome(ok=True, snapshot=snap, rendered=set(written.rendered))


class _Memory(dict):
    """The least Jinja's ``MemcachedBytecodeCache`` needs of a client: an in-process dict."""

    def set(self, key: str, value: bytes, timeout: int | None = None) -> None:
        self[key] = value
