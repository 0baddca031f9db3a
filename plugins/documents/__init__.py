"""Documents to download (content/documents/): forms and leaflets linked from any page.

Each link to a document gets the document's published address and « (PDF, 230 Ko) » after its
text (``content_object_init``, as pages are read); a procedure's ``Formulaires`` field lists its
forms for the page and the flyer. Once everything is read (``all_generators_finalized``), every
document is checked (name, type, no script, no attached file) and every problem stops the build
with the file and line. Pelican copies the documents as they are (``STATIC_PATHS``): their names
are printed on paper, so they are never renamed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.contents import Static

from guichet.messages import ContentErrors, Problem
from guichet.messages import documents as msg

from .active import Unreadable, office_has_macros, pdf_active_content
from .files import TYPES, describe, good_name, kind, suggest_name
from .links import LinkProblem, line_of, rewrite_links

PROBLEMS_KEY = "guichet_document_problems"
_FORM = re.compile(r"^\[(.+)\]\((.+)\)$")


@dataclass(frozen=True)
class Form:
    """A form a procedure lists: its page shows the link, its flyer the address to type."""

    text: str
    url: str
    info: str
    printed: str


def _folder(settings: dict) -> str:
    return settings.get("DOCUMENTS_PATH", "documents")


def _shown(path: str, settings: dict) -> str:
    root = os.path.dirname(os.path.abspath(settings["PATH"]))
    return os.path.relpath(path, root)


def _tools(settings: dict):
    root = os.path.abspath(settings["PATH"])
    folder = _folder(settings)

    def stat(relative: str) -> int | None:
        full = os.path.join(root, relative)
        return os.path.getsize(full) if os.path.isfile(full) else None

    def url_of(name: str) -> str:
        return f"{settings.get('SITEURL', '')}/{folder}/{name}"

    return root, folder, stat, url_of


def _known(settings: dict) -> str:
    folder = Path(settings["PATH"]) / _folder(settings)
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    return ", ".join(names) or "aucun"


def _link_problem(
    problem: LinkProblem, source: str, line: int | None, settings, field: str | None = None
) -> Problem:
    where = f"{source}:{line}" if line else source
    if problem.kind == "missing":
        message = msg.MISSING.format(target=problem.target, path=f"content/{problem.path}")
        return Problem(where, message, field, msg.MISSING_HINT.format(known=_known(settings)))
    if problem.kind == "outside":
        return Problem(
            where,
            msg.NOT_IN_DOCUMENTS.format(target=problem.target),
            None,
            msg.NOT_IN_DOCUMENTS_HINT,
        )
    if problem.kind == "unresolved":
        message = msg.UNRESOLVED.format(target=problem.target, path=f"content/{problem.path}")
        return Problem(where, message, None, msg.UNRESOLVED_HINT)
    return Problem(where, msg.UNSUPPORTED.format(target=problem.target), None, msg.UNSUPPORTED_HINT)


def _publishes(settings: dict):
    """Whether a content file becomes a page Pelican can link with ``{filename}``."""
    folders = [
        *settings.get("PAGE_PATHS", []),
        *settings.get("PROCEDURE_PATHS", []),
        *settings.get("COUNTER_PATHS", []),
        *settings.get("ARTICLE_PATHS", []),
        *settings.get("STATIC_PATHS", []),
        settings.get("IMAGES_SOURCE_DIR", "images"),
    ]
    return lambda relative: relative.split("/", 1)[0] in folders


def link_documents(instance) -> None:
    if isinstance(instance, Static) or not getattr(instance, "source_path", None):
        return
    if not instance._content:
        return
    settings = instance.settings
    root, folder, stat, url_of = _tools(settings)
    body, problems, linked = rewrite_links(
        instance._content,
        os.path.dirname(os.path.abspath(instance.source_path)),
        root,
        folder,
        settings.get("IMAGES_SOURCE_DIR", "images"),
        stat,
        url_of,
        describe,
        lambda relative: kind(relative) is not None,
        _publishes(settings),
    )
    instance._content = body
    instance.linked_documents = linked
    if not problems:
        return
    source = _shown(instance.source_path, settings)
    text = Path(instance.source_path).read_text(encoding="utf-8", errors="replace")
    found = [_link_problem(p, source, line_of(text, p.target), settings) for p in problems]
    if instance._context is None:
        raise ContentErrors(found)
    instance._context.setdefault(PROBLEMS_KEY, []).extend(found)


def check_document(path: Path, folder: Path, shown: str) -> list[Problem]:
    """A document's name, type and content (no script, no attached file)."""
    name = path.relative_to(folder).as_posix()
    if kind(name) is None:
        ext = path.suffix or "sans extension"
        known = ", ".join(sorted(set(TYPES.values())))
        return [
            Problem(
                shown,
                msg.BAD_TYPE.format(name=name, ext=ext),
                None,
                msg.BAD_TYPE_HINT.format(known=known),
            )
        ]
    problems = []
    if not good_name(name):
        problems.append(
            Problem(
                shown,
                msg.BAD_NAME.format(name=name),
                None,
                msg.BAD_NAME_HINT.format(suggestion=suggest_name(path.name)),
            )
        )
    if path.stat().st_size == 0:
        return [*problems, Problem(shown, msg.EMPTY.format(name=name))]
    if kind(name) == "PDF":
        try:
            found = pdf_active_content(str(path))
        except Unreadable as error:
            return [
                *problems,
                Problem(
                    shown,
                    msg.UNREADABLE_PDF.format(name=name, error=error),
                    None,
                    msg.UNREADABLE_PDF_HINT,
                ),
            ]
        if found:
            what = ", ".join(msg.WHAT[k] for k in found)
            problems.append(
                Problem(
                    shown, msg.ACTIVE_PDF.format(name=name, what=what), None, msg.ACTIVE_PDF_HINT
                )
            )
    elif office_has_macros(str(path)):
        problems.append(
            Problem(shown, msg.ACTIVE_OFFICE.format(name=name), None, msg.ACTIVE_OFFICE_HINT)
        )
    return problems


def _forms(procedure, settings: dict) -> tuple[list[Form], list[Problem]]:
    lines = getattr(procedure.data, "forms", ()) or ()
    root, folder, stat, url_of = _tools(settings)
    public = (settings.get("GUICHET_PUBLIC_URL") or "").split("://", 1)[-1].rstrip("/")
    source = _shown(procedure.source_path, settings)
    text = Path(procedure.source_path).read_text(encoding="utf-8", errors="replace")
    forms, problems = [], []
    for line in lines:
        match = _FORM.match(line.strip())
        where = f"{source}:{line_of(text, line.strip()) or 1}"
        if not match:
            problems.append(
                Problem(where, msg.FORM_LINE.format(text=line), msg.FORMS_FIELD, msg.FORM_LINE_HINT)
            )
            continue
        label, href = match.groups()
        _, found, linked = rewrite_links(
            f'<a href="{href}">x</a>',
            os.path.dirname(procedure.source_path),
            root,
            folder,
            settings.get("IMAGES_SOURCE_DIR", "images"),
            stat,
            url_of,
            describe,
        )
        if found or not linked:
            problems += [
                _link_problem(p, where, None, settings, msg.FORMS_FIELD) for p in found
            ] or [
                Problem(where, msg.FORM_LINE.format(text=line), msg.FORMS_FIELD, msg.FORM_LINE_HINT)
            ]
            continue
        name = linked[0]
        size = stat(f"{folder}/{name}") or 0
        forms.append(
            Form(label.strip(), url_of(name), describe(name, size), f"{public}/{folder}/{name}")
        )
    return forms, problems


def check_all(generators) -> None:
    context = generators[0].context
    settings = generators[0].settings
    problems = list(context.get(PROBLEMS_KEY, []))
    folder = Path(settings["PATH"]).resolve() / _folder(settings)
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            problems += check_document(path, folder, _shown(str(path), settings))
    for procedure in context.get("procedures", []):
        procedure.forms, found = _forms(procedure, settings)
        problems += found
    if problems:
        raise ContentErrors(problems)


def register():
    signals.content_object_init.connect(link_documents)
    signals.all_generators_finalized.connect(check_all)
