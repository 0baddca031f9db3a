"""Pelican side of the print plugin: every flyer's content → fitted to one sheet → cached PDF.

Runs once all content is read (``all_generators_finalized``), before any page is written: it
writes every ``fiche.pdf`` and the booklet, and each procedure gets ``printed``
(content.Printed: the flyer at the level that fits, which the flyer page shows, and the PDF's
size).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from guichet.keys import read
from guichet.messages import ContentErrors, Problem, warn
from guichet.messages import print as msg
from guichet.remembered import load_entries, save_entries

from .cache import PdfCache, make_key
from .causes import HISTORY_FILE, HISTORY_STAMP, CounterInfo, FlyerOutcome, problems
from .content import FlyerContent, Printed, flyer_content, source_of
from .fit import LEVELS, Fitted, web_address
from .options import engine_version
from .render import typst_input
from .settings import KEYS


@dataclass(frozen=True)
class PrintSettings:
    booklet_save_as: str
    public_url: str
    cache: Path
    output: Path
    content_root: Path
    workers: int | None
    """Processes laying flyers out in parallel (PRINT_WORKERS); None: one per core."""


def read_settings(settings: dict) -> PrintSettings:
    """The print plugin's settings, read once (defaults documented in pelicanconf.py)."""
    public = settings.get("GUICHET_PUBLIC_URL") or "https://localhost"
    public = public.rstrip("/") + "/"
    value = read(settings, KEYS)
    return PrintSettings(
        booklet_save_as=value["PRINT_BOOKLET_SAVE_AS"],
        public_url=public,
        cache=Path(settings["CACHE_PATH"]) / "print",
        output=Path(settings["OUTPUT_PATH"]),
        content_root=Path(settings["PATH"]).resolve().parent,
        workers=_workers(value["PRINT_WORKERS"]),
    )


def _workers(value) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
        return value
    problem = Problem(
        msg.SETTINGS_FILE,
        msg.BAD_WORKERS.format(value=value),
        "PRINT_WORKERS",
        msg.BAD_WORKERS_HINT,
    )
    raise ContentErrors([problem])


class FlyerJob:
    """One procedure's flyer: its content at any level of the layout rule, and its cache key."""

    def __init__(self, procedure, context: dict, conf: PrintSettings):
        self.procedure, self.conf = procedure, conf
        self.town = context.get("SITENAME", "")
        self.author = context.get("AUTHOR", "")
        self.built = context.get("build_date")
        self.web = web_address(conf.public_url, procedure.url)
        self._content: dict[int, FlyerContent] = {}
        self._data: dict[int, str] = {}
        self._source = None
        self.key = make_key(engine_version(), self.data_at(0))

    def content_at(self, level: int) -> FlyerContent:
        if level not in self._content:
            if self._source is None:  # each section read once, for every level tried
                self._source = source_of(self.procedure, self.conf.public_url)
            self._content[level] = flyer_content(
                self.procedure,
                level,
                self.conf.public_url,
                self.town,
                self.author,
                self.built,
                self._source,
            )
        return self._content[level]

    def data_at(self, level: int) -> str:
        """The Typst template's input at ``level`` (what the cache key and the PDF depend on)."""
        if level not in self._data:
            self._data[level] = typst_input(self.content_at(level))
        return self._data[level]

    @property
    def source(self) -> str:
        return os.path.relpath(self.procedure.source_path, self.conf.content_root)

    def settle(self, result: Fitted) -> FlyerOutcome:
        """Hand the flyer over (``procedure.printed``); write the PDF; return what the build
        warning needs."""
        flyer = self.content_at(result.level)
        self.procedure.printed = Printed(flyer, len(result.pdf))
        target = self.conf.output / self.procedure.pdf_save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != result.pdf:
            target.write_bytes(result.pdf)
        return FlyerOutcome(
            source=self.source,
            title=self.procedure.title,
            level=result.level,
            pages=result.pages,
            rule=flyer.rule,
            parts_mm=result.parts_mm,
            counters=tuple(self._counter(c) for c in self.procedure.counters),
            web=self.web,
            cut=flyer.cut,
            documents=flyer.document_count,
            steps=flyer.step_count,
            names={part.key: part.label for part in flyer.free},
        )

    def _counter(self, counter) -> CounterInfo:
        return CounterInfo(
            slug=counter.slug,
            title=counter.title,
            source=os.path.relpath(counter.source_path, self.conf.content_root),
            closures=len(counter.upcoming_closures),
            days=len(counter.data.hours.open_days),
        )


def procedures_in_theme_order(generator) -> list:
    """Every procedure, themes in GUICHET_THEMES order, titles alphabetical within a theme."""
    return [procedure for theme in generator.themes for procedure in theme.procedures]


def render_all(generator, settings: dict) -> dict:
    """Fit, render (or take from the cache) every flyer and the booklet; return the stats."""
    conf = read_settings(settings)
    cache = PdfCache(conf.cache)
    context = {**generator.settings, **generator.context}
    jobs = [FlyerJob(p, context, conf) for p in procedures_in_theme_order(generator)]
    fitted: dict[int, Fitted] = {}
    misses = []
    for index, job in enumerate(jobs):
        hit = cache.get(job.key)
        if hit and {"level", "pages", "overflow_mm", "parts_mm"} <= hit[1].keys():
            pdf, record = hit
            fitted[index] = Fitted(
                record["level"], record["pages"], record["overflow_mm"], pdf, record["parts_mm"]
            )
        else:
            misses.append(index)
    if misses:
        from .work import Flyer, fit_flyers

        flyers = [Flyer(jobs[i].data_at) for i in misses]
        results = fit_flyers(flyers, LEVELS, conf.workers)
        for index, result in zip(misses, results, strict=True):
            record = {
                "level": result.level,
                "overflow_mm": result.overflow_mm,
                "pages": result.pages,
                "parts_mm": result.parts_mm,
            }
            cache.put(jobs[index].key, result.pdf, record)
            fitted[index] = result
    # In theme order: warnings come in a stable order, one per cause (causes.py).
    outcomes = [job.settle(fitted[index]) for index, job in enumerate(jobs)]
    history_file = conf.cache.parent / HISTORY_FILE
    history = load_entries(history_file, HISTORY_STAMP, "flyers")
    found, remembered = problems(outcomes, history)
    for problem in found:
        warn(problem)
    save_entries(history_file, HISTORY_STAMP, "flyers", remembered)
    too_long = [o.source for o in outcomes if o.pages > 2]
    recto_verso = [o.source for o in outcomes if o.level > 0]
    booklet = _booklet(jobs, cache, conf, settings) if jobs else 0
    cache.prune()
    return {
        "flyers": len(misses),
        "cached": len(jobs) - len(misses),
        "booklet": booklet,
        "too_long": sorted(too_long),
        "recto_verso": sorted(recto_verso),
    }


def _booklet(jobs: list[FlyerJob], cache: PdfCache, conf, settings) -> int:
    """Write the booklet of every flyer; return 1 when it was rendered, 0 when cached."""
    title = msg.BOOKLET_TITLE.format(site=settings.get("SITENAME", ""))
    key = make_key(engine_version(), title, *(job.key for job in jobs))
    target = conf.output / conf.booklet_save_as
    target.parent.mkdir(parents=True, exist_ok=True)
    hit = cache.get(key)
    if hit:
        target.write_bytes(hit[0])
        return 0
    from . import render

    pdfs = [(conf.output / job.procedure.pdf_save_as).read_bytes() for job in jobs]
    pdf = render.write_booklet(pdfs, title, settings.get("AUTHOR", ""))
    cache.put(key, pdf, {"pages": len(pdfs)})
    target.write_bytes(pdf)
    return 1
