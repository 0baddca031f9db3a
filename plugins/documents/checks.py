"""Each file of content/documents/: an accepted type, a printable name, nothing that runs."""

from __future__ import annotations

from pathlib import Path

from guichet.messages import Problem
from guichet.messages import documents as msg

from .active import Unreadable, office_has_macros, pdf_active_content
from .files import TYPES, good_name, kind, suggest_name


def check_document(path: Path, folder: Path, shown: str) -> list[Problem]:
    """A document's name, type and content (no script, no attached file, no macro)."""
    name = path.relative_to(folder).as_posix()
    if kind(name) is None:
        known = ", ".join(sorted(set(TYPES.values())))
        message = msg.BAD_TYPE.format(name=name, ext=path.suffix or "sans extension")
        return [Problem(shown, message, None, msg.BAD_TYPE_HINT.format(known=known))]
    problems = []
    if not good_name(name):
        hint = msg.BAD_NAME_HINT.format(suggestion=suggest_name(path.name))
        problems.append(Problem(shown, msg.BAD_NAME.format(name=name), None, hint))
    if path.stat().st_size == 0:
        return [*problems, Problem(shown, msg.EMPTY.format(name=name))]
    if kind(name) == "PDF":
        try:
            found = pdf_active_content(str(path))
        except Unreadable as error:
            message = msg.UNREADABLE_PDF.format(name=name, error=error)
            return [*problems, Problem(shown, message, None, msg.UNREADABLE_PDF_HINT)]
        if found:
            what = ", ".join(msg.WHAT[k] for k in found)
            message = msg.ACTIVE_PDF.format(name=name, what=what)
            problems.append(Problem(shown, message, None, msg.ACTIVE_PDF_HINT))
    elif office_has_macros(str(path)):
        message = msg.ACTIVE_OFFICE.format(name=name)
        problems.append(Problem(shown, message, None, msg.ACTIVE_OFFICE_HINT))
    return problems
