"""Read the content as the build does (Pelican's readers, the procedures plugin's validators) and
run the report's checks on every procedure and counter. The one module here that uses Pelican."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from guichet.messages import report as msg

from .checks import Limits, counter_use, element_findings, readability, stale_findings
from .elements import collect as collect_elements
from .model import FileReport, Finding, Report
from .source import Unit, body_units, plain_text, split_metadata


def limits_from(settings: dict) -> Limits:
    return Limits(
        stale_months=settings.get("GUICHET_STALE_MONTHS", 12),
        sentence_words=settings.get("GUICHET_SENTENCE_MAX_WORDS", 25),
        paragraph_words=settings.get("GUICHET_PARAGRAPH_MAX_WORDS", 60),
        min_score=settings.get("GUICHET_READABILITY_MIN", 60),
    )


def load_settings(settings_file: str, content: str | None = None) -> dict:
    from pelican.settings import read_settings

    override = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    if content:
        override["PATH"] = os.path.abspath(content)
    settings = read_settings(settings_file, override=override)
    # The procedures plugin holds the pure validators; Pelican puts PLUGIN_PATHS on sys.path
    # only when it loads plugins, which the report does not do.
    for path in reversed(settings["PLUGIN_PATHS"]):
        if str(Path(path).resolve()) not in sys.path:
            sys.path.insert(0, str(Path(path).resolve()))
    return settings


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
    urls.add("/demarches/fiches.pdf")
    return frozenset(urls)


def build_report(settings: dict) -> Report:
    """The report for the content folder ``settings["PATH"]``."""
    from pelican.readers import Readers
    from procedures.dates import build_date
    from procedures.generator import RawSource
    from procedures.validation import check_counter, check_procedure

    root = Path(settings["PATH"])
    shown_root = root.name
    today = build_date(settings)
    limits = limits_from(settings)
    readers = Readers(settings)
    procedure_files = _files(root, settings["PROCEDURE_PATHS"])
    counter_files = _files(root, settings["COUNTER_PATHS"])
    page_files = _files(root, settings["PAGE_PATHS"])
    counter_slugs = {p.stem: f"{shown_root}/{p.relative_to(root)}" for p in counter_files}
    urls = site_urls(
        settings,
        [p.stem for p in procedure_files],
        list(counter_slugs),
        [p.stem for p in page_files],
    )
    content_files = frozenset(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
    )
    external: dict[str, set[str]] = {}
    files: list[FileReport] = []
    procedure_counters: dict[str, tuple[str, ...]] = {}

    for kind, paths in (("procedure", procedure_files), ("counter", counter_files)):
        for path in paths:
            relative = path.relative_to(root).as_posix()
            shown = f"{shown_root}/{relative}"
            try:
                text = path.read_text(encoding="utf-8")
                raw = readers.read_file(
                    base_path=str(root), path=relative, content_class=RawSource, context={}
                )
            except Exception as error:  # unreadable file: say so, go on with the others
                files.append(
                    FileReport(shown, kind, path.stem, [Finding(str(error), kind="blocking")])
                )
                continue
            lines = text.splitlines()
            fields, start = split_metadata(lines)
            report = FileReport(shown, kind, str(raw.metadata.get("titre", path.stem)))
            units = body_units(lines, start)
            if kind == "procedure":
                checked = check_procedure(
                    raw.metadata,
                    raw.content or "",
                    shown,
                    settings["GUICHET_THEMES"],
                    set(counter_slugs),
                    today,
                    limits.stale_months,
                )
                data = checked.data
                report.verified = data.verified if data else None
                if data is None and "verifie-le" in raw.metadata:
                    from procedures.dates import parse_date

                    try:
                        report.verified = parse_date(str(raw.metadata["verifie-le"]))
                    except ValueError:
                        report.verified = None
                report.findings += stale_findings(report.verified, today, limits.stale_months)
                written = str(raw.metadata.get("guichets", ""))
                procedure_counters[shown] = tuple(
                    s.strip() for s in written.replace(";", ",").split(",") if s.strip()
                )
                if "resume" in fields:
                    summary = Unit(
                        "field", [(fields["resume"], plain_text(str(raw.metadata["resume"])))]
                    )
                    units = [summary, *units]
                page_url = "/" + settings["PROCEDURE_URL"].format(slug=path.stem)
                if data and data.online_service:
                    external.setdefault(data.online_service, set()).add(shown)
            else:
                checked = check_counter(raw.metadata, shown)
                page_url = "/" + settings["COUNTER_URL"].format(slug=path.stem)
            report.findings += [
                Finding(msg.BLOCKING.format(message=p.message), kind="blocking", hint=p.hint)
                for p in checked.errors
            ]
            report.score, found = readability(units, limits)
            if kind == "counter":
                found = [f for f in found if f.kind != "readability"]
                report.score = None
            report.findings += found
            elements = collect_elements(raw.content or "")
            found, links = element_findings(
                elements,
                lines,
                start,
                [u for u in units if u.kind == "heading"],
                page_url,
                os.path.dirname(relative),
                urls,
                content_files,
            )
            report.findings += found
            for url in links:
                external.setdefault(url, set()).add(shown)
            files.append(report)

    orphans, unused = counter_use(procedure_counters, counter_slugs)
    by_source = {f.source: f for f in files}
    for source in orphans:
        by_source[source].findings.append(Finding(msg.NO_COUNTER, kind="no_counter"))
    for slug in unused:
        by_source[counter_slugs[slug]].findings.append(
            Finding(msg.UNUSED_COUNTER, kind="unused_counter")
        )
    for report in files:
        report.findings.sort(key=lambda f: (f.line is not None, f.line or 0))
    return Report(
        today=today,
        stale_months=limits.stale_months,
        files=files,
        external={url: sorted(sources) for url, sources in sorted(external.items())},
    )
