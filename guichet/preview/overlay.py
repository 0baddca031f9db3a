"""What the preview shows instead of, or on top of, a built page: pure functions on bytes."""

from __future__ import annotations

import re
from html import escape

from guichet.messages import devserver as msg

# Regexes, not the parser: bytes of our own theme's pages, one insertion, nothing reserialised.
_MAIN = re.compile(rb"<main\b[^>]*>", re.I)
_BODY = re.compile(rb"<body\b[^>]*>", re.I)


def error_page(report: str) -> bytes:
    """A plain French page listing the problems, with the same words as the terminal."""
    return msg.ERROR_PAGE.format(report=escape(report, quote=False)).encode("utf-8")


def with_notice(page: bytes, notice: str) -> bytes:
    """``page`` with one plain line (no script) at the top of its main content."""
    line = f'<p class="apercu">{escape(notice)}</p>'.encode()
    found = _MAIN.search(page) or _BODY.search(page)
    if found is None:
        return line + page
    return page[: found.end()] + line + page[found.end() :]


def save_as_of(url_path: str) -> str:
    """The output path a request is served from: ``/demarches/x/`` → ``demarches/x/index.html``."""
    path = url_path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path
