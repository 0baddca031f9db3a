"""Read the content as the build does (Pelican's readers, the procedures plugin's validators) and
run the report's checks on every procedure and counter. The one module here that uses Pelican."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guichet.keys import read
from guichet.messages import report as msg
from guichet.settings import town_settings
from guichet_plugins.print.settings import KEYS as PRINT_KEYS

from .checks import (
    Limits,
    counter_use,
    element_findings,
    readability,
    stale_findings,
    stale_on,
)
from .elements import collect as collect_elements
from .flyers import last_flyers
from .model import FileReport, Finding, Report
from .settings import limits_from
from .settings import soon_days as soon_days_from
from .source import Unit, body_units, plain_text, split_metadata


def load_settings(settings_file: str, content: str | None = None, cache: str | None = None) -> dict:
    override = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    if content:
        override["PATH"] = os.path.abspath(content)
    if cache:
        override["CACHE_PATH"] = os.path.abspath(cache)
    return town_settings(settings_file, override)


def _files(root: Path, folders: list[str]) -> list[Path]:
    found = []
    for folder in folders:
        found += sorted((root / folder).glob("**/*.md"))
    return found


def site_urls(settings: dict, procedures: list[str], counters: list[str], pages: list[str]):
    """Every URL the build writes for these slugs (``/demarches/x/``, ``/guichets/y/``…)."""
    urls = {"/"}
    for slug in procedures:
        for key in ("PROCEDURE_URL", "PROCEDURE_FLYER_URL", "PROCEDURE_PDF_URL"):
            urls.add("/" + settings[key].format(slug=slug))
    urls.update("/" + settings["COUNTER_URL"].format(slug=slug) for slug in counters)
    urls.update("/" + settings["PAGE_URL"].format(slug=slug) for slug in pages)
    urls.update("/" + settings["THEME_URL"].format(slug=key) for key in settings["GUICHET_THEMES"])
    for key in ("PROCEDURES_INDEX_URL", "PROCEDURES_AZ_URL", "COUNTERS_INDEX_URL"):
        urls.add("/" + settings[key])
    for name in settings.get("DIRECT_TEMPLATES", []):
        url = settings.get(f"{name.upper()}_URL")
        urls.add("/" + (url or f"{name}.html"))
    urls.add("/" + read(settings, PRINT_KEYS)["PRINT_BOOKLET_URL"])
    return frozenset(urls)


def _text(value) -> str:
    """A metadata value as one line (multi-line values come as a list)."""
    return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value or "")


@dataclass
class _Site:
    """What every file's checks need to know about the whole content folder."""

    settings: dict
    root: Path
    today: date
    limits: Limits
    counters: dict[str, str]
    """Counter slug → shown source."""
    urls: frozenset[str]
    content_files: frozenset[str]
    external: dict[str, set[str]] = field(default_factory=dict)
    procedure_counters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def shown(self, path: Path) -> str:
        return f"{self.root.name}/{path.relative_to(self.root).as_posix()}"


def _verified(raw_value) -> date | None:
    from guichet_plugins.procedures.dates import parse_date

    try:
        return parse_date(_text(raw_value))
    except ValueError:
        return None


def _check_file(site: _Site, path: Path, kind: str, readers) -> FileReport:
    """Every check of one procedure or counter file."""
    from guichet.messages import procedures as content_msg
    from guichet.reader import UnreadableContent
    from guichet_plugins.procedures.generator import RawSource
    from guichet_plugins.procedures.validation import check_counter, check_procedure

    relative = path.relative_to(site.root).as_posix()
    shown = site.shown(path)
    try:
        raw = readers.read_file(  # first: it refuses a file too large before reading it
            base_path=str(site.root), path=relative, content_class=RawSource, context={}
        )
        text = path.read_text(encoding="utf-8")
    except UnreadableContent as error:  # too large, not UTF-8: one finding, as the build says
        message = msg.BLOCKING.format(message=error.message)
        return FileReport(shown, kind, path.stem, [Finding(message, None, error.hint, "blocking")])
    except UnicodeDecodeError:
        message = msg.BLOCKING.format(message=content_msg.NOT_UTF8)
        return FileReport(
            shown, kind, path.stem, [Finding(message, None, content_msg.NOT_UTF8_HINT, "blocking")]
        )
    except Exception as error:  # a reader failing on odd input: report it, check the others
        message = msg.BLOCKING.format(message=content_msg.UNREADABLE.format(error=error))
        return FileReport(shown, kind, path.stem, [Finding(message, kind="blocking")])
    lines = text.splitlines()
    fields, start = split_metadata(lines)
    report = FileReport(shown, kind, _text(raw.metadata.get("titre")) or path.stem)
    units = body_units(lines, start)
    settings, limits = site.settings, site.limits
    if kind == "procedure":
        checked = check_procedure(
            raw.metadata,
            raw.content or "",
            shown,
            settings["GUICHET_THEMES"],
            set(site.counters),
            site.today,
            limits.stale_months,
        )
        report.verified = _verified(raw.metadata.get("verifie-le"))
        report.findings += stale_findings(report.verified, site.today, limits.stale_months)
        written = _text(raw.metadata.get("guichets")).replace(";", ",")
        site.procedure_counters[shown] = tuple(s.strip() for s in written.split(",") if s.strip())
        if "resume" in fields:
            summary = plain_text(_text(raw.metadata["resume"]))
            units = [Unit("field", [(fields["resume"], summary)]), *units]
        online = checked.data.online_service if checked.data else None
        if online:
            site.external.setdefault(online, set()).add(shown)
        page_url = "/" + settings["PROCEDURE_URL"].format(slug=path.stem)
    else:
        checked = check_counter(raw.metadata, shown)
        page_url = "/" + settings["COUNTER_URL"].format(slug=path.stem)
    report.findings += [
        Finding(msg.BLOCKING.format(message=p.message), kind="blocking", hint=p.hint)
        for p in checked.errors
    ]
    score, found = readability(units, limits)
    if kind == "procedure":
        report.score = score
    report.findings += [f for f in found if kind == "procedure" or f.kind != "readability"]
    found, links = element_findings(
        collect_elements(raw.content or ""),
        lines,
        start,
        [u for u in units if u.kind == "heading"],
        page_url,
        os.path.dirname(relative),
        site.urls,
        site.content_files,
    )
    report.findings += found
    for url in links:
        site.external.setdefault(url, set()).add(shown)
    return report


def build_report(settings: dict) -> Report:
    """The report for the content folder ``settings["PATH"]``."""
    from pelican.readers import Readers

    from guichet_plugins.procedures.dates import build_date

    root = Path(settings["PATH"])
    procedure_files = _files(root, settings["PROCEDURE_PATHS"])
    counter_files = _files(root, settings["COUNTER_PATHS"])
    page_files = _files(root, settings["PAGE_PATHS"])
    counters = {p.stem: f"{root.name}/{p.relative_to(root).as_posix()}" for p in counter_files}
    site = _Site(
        settings=settings,
        root=root,
        today=build_date(settings),
        limits=limits_from(settings),
        counters=counters,
        urls=site_urls(
            settings,
            [p.stem for p in procedure_files],
            list(counters),
            [p.stem for p in page_files],
        ),
        content_files=frozenset(
            p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
        ),
    )
    readers = Readers(settings)
    files = [_check_file(site, p, "procedure", readers) for p in procedure_files]
    files += [_check_file(site, p, "counter", readers) for p in counter_files]

    orphans, unused = counter_use(site.procedure_counters, counters)
    by_source = {f.source: f for f in files}
    for source in orphans:
        by_source[source].findings.append(Finding(msg.NO_COUNTER, kind="no_counter"))
    for slug in unused:
        by_source[counters[slug]].findings.append(
            Finding(msg.UNUSED_COUNTER, kind="unused_counter")
        )
    for report in files:
        report.findings.sort(key=lambda f: (f.line is not None, f.line or 0))
    soon_days = soon_days_from(settings)
    soon = [
        (f, day)
        for f in files
        if f.kind == "procedure" and f.verified
        for day in [stale_on(f.verified, site.today, site.limits.stale_months, soon_days)]
        if day
    ]
    soon.sort(key=lambda item: (item[1], item[0].source))
    flyers, outdated = last_flyers(settings["CACHE_PATH"], root, files)
    return Report(
        flyers=flyers,
        flyers_outdated=outdated,
        today=site.today,
        stale_months=site.limits.stale_months,
        stale_soon=soon,
        soon_days=soon_days,
        files=files,
        external={url: sorted(sources) for url, sources in sorted(site.external.items())},
    )
