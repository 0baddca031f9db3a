"""A procedure's ``Formulaires`` field: one Markdown link a line to a document."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from guichet.messages import Problem
from guichet.messages import documents as msg

from .files import describe
from .links import line_of
from .site import Site

_FORM = re.compile(r"^\[(.+)\]\((.+)\)$")


@dataclass(frozen=True)
class Form:
    """A form a procedure lists: its page shows the link, its flyer the address to type."""

    text: str
    url: str
    info: str
    """``PDF, 230 Ko``."""
    printed: str
    """``www.val-daurore.fr/documents/cerfa-12669.pdf``: what the flyer prints."""


def procedure_forms(lines, source_path: str, site: Site, public_url: str):
    """The forms of one procedure and the problems (file:line, field « Formulaires »)."""
    public = public_url.split("://", 1)[-1].rstrip("/")
    source = site.shown(source_path)
    text = Path(source_path).read_text(encoding="utf-8", errors="replace")
    forms: list[Form] = []
    problems: list[Problem] = []
    for line in lines:
        where = f"{source}:{line_of(text, line.strip()) or 1}"
        bad_line = Problem(
            where, msg.FORM_LINE.format(text=line), msg.FORMS_FIELD, msg.FORM_LINE_HINT
        )
        match = _FORM.match(line.strip())
        if not match:
            problems.append(bad_line)
            continue
        label, href = match.groups()
        _, found, linked = site.rewrite(f'<a href="{href}">x</a>', os.path.dirname(source_path))
        if found or not linked:
            problems += [site.problem(p, where, msg.FORMS_FIELD) for p in found] or [bad_line]
            continue
        name = linked[0]
        info = describe(name, site.size(f"{site.folder}/{name}") or 0)
        forms.append(Form(label.strip(), site.url_of(name), info, f"{public}/{site.folder}/{name}"))
    return forms, problems
