"""The Pelican side of the documents plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals
from pelican.contents import Static

from guichet.messages import ContentErrors

from .checks import check_document
from .forms import procedure_forms
from .links import line_of
from .site import Site

PROBLEMS_KEY = "guichet_document_problems"
"""Context key: link problems found as pages are read, raised once everything is read."""


def link_documents(instance) -> None:
    if isinstance(instance, Static) or not getattr(instance, "source_path", None):
        return
    if not instance._content:
        return
    site = Site.from_settings(instance.settings)
    page_dir = os.path.dirname(os.path.abspath(instance.source_path))
    instance._content, problems, instance.linked_documents = site.rewrite(
        instance._content, page_dir
    )
    if not problems:
        return
    source = site.shown(instance.source_path)
    text = Path(instance.source_path).read_text(encoding="utf-8", errors="replace")
    found = []
    for problem in problems:
        line = line_of(text, problem.target)
        found.append(site.problem(problem, f"{source}:{line}" if line else source))
    if instance._context is None:
        raise ContentErrors(found)
    instance._context.setdefault(PROBLEMS_KEY, []).extend(found)


def check_all(generators) -> None:
    context = generators[0].context
    settings = generators[0].settings
    site = Site.from_settings(settings)
    problems = list(context.get(PROBLEMS_KEY, []))
    folder = Path(site.root).resolve() / site.folder
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            problems += check_document(path, folder, site.shown(str(path)))
    public = settings.get("GUICHET_PUBLIC_URL") or ""
    for procedure in context.get("procedures", []):
        lines = getattr(procedure.data, "forms", ()) or ()
        procedure.forms, found = procedure_forms(lines, procedure.source_path, site, public)
        problems += found
    if problems:
        raise ContentErrors(problems)


def register():
    signals.content_object_init.connect(link_documents)
    signals.all_generators_finalized.connect(check_all)
