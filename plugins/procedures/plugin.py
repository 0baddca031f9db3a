"""The Pelican side of the procedures plugin: the signals it hooks (see ``__init__.py``)."""

import os
import threading

from pelican import signals

from guichet.header import PROBLEMS_KEY, RULES_KEY, rules_stamp
from guichet.messages import ContentErrors, Problem

from . import prefetch
from .blocks import counter_block, forget_blocks
from .dates import format_date_fr
from .generator import ProceduresGenerator
from .paper import on_paper
from .sections import with_boxes
from .settings import ProceduresSettings


def add_filters(pelican):
    """Templates format dates in French with ``{{ day|date_fr }}``; ``section|on_paper(procedure)``
    says how a procedure page's section prints (paper.py)."""
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters["date_fr"] = format_date_fr
    filters["checklist_boxes"] = with_boxes
    filters["on_paper"] = on_paper
    pelican.settings.setdefault("JINJA_GLOBALS", {})["counter_block"] = counter_block


def get_generators(pelican):
    return ProceduresGenerator


def report_page_problems(generator) -> None:
    """Pages and articles: the header reader's problems (no colon, duplicate field, file too
    large…) stop the build in French, with their line, as for procedures and counters."""
    problems = []
    root = os.path.dirname(os.path.abspath(generator.path))
    for name in ("pages", "hidden_pages", "draft_pages", "articles", "drafts", "translations"):
        for content in getattr(generator, name, []) or []:
            found = content.metadata.get(PROBLEMS_KEY)
            if not found:
                continue
            shown = os.path.relpath(os.path.abspath(content.source_path), root)
            for line, message, hint, field in found:
                where = f"{shown}:{line}" if line else shown
                problems.append(Problem(where, message, field, hint))
    if problems:
        raise ContentErrors(problems)


def forget_old_readings(generator) -> None:
    """Pelican's content cache is keyed by the file's bytes only: readings made under other
    reading rules (an older Guichet, or before its header reader) are dropped, so an unchanged
    file is read again by today's rules instead of keeping yesterday's mistakes."""
    cache = generator.readers._cache  # tests/contracts pin it
    stamp = rules_stamp()
    for path, (_stamp, data) in list(cache.items()):
        metadata = data[1] if isinstance(data, tuple) and len(data) == 2 else None
        if not isinstance(metadata, dict) or metadata.get(RULES_KEY) != stamp:
            del cache[path]


PATHS = ("COUNTER_PATHS", "PROCEDURE_PATHS")
"""What the procedures generator reads (prefetch.py converts them ahead)."""


def start_readers(generator) -> None:
    """As the build's first generator is made, before another plugin starts a thread (the
    images' head start comes after this plugin): fork the Markdown workers (prefetch.py)."""
    if prefetch.decided(generator.context):
        return
    settings = generator.settings
    files = 0  # never a fork while another thread runs (the devserver's): read in this process
    if threading.active_count() == 1:
        files = sum(len(generator.get_files(settings[key])) for key in PATHS)
    prefetch.start_for(
        generator.context,
        generator.readers,
        files,
        ProceduresSettings.from_pelican(settings).read_workers,
    )


def register():
    signals.generator_init.connect(start_readers)
    signals.generator_init.connect(forget_old_readings)
    signals.generator_init.connect(forget_blocks)
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(get_generators)
    signals.page_generator_finalized.connect(report_page_problems)
    signals.article_generator_finalized.connect(report_page_problems)
