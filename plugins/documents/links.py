"""Links to documents in a page's HTML: resolved, checked, given their type and size. Pure.

Accepted as images are: ``documents/x.pdf`` and ``/documents/x.pdf`` (from the content folder),
``{static}/documents/x.pdf``, ``../documents/x.pdf`` (from the page's folder). The link's
address becomes the document's published one and its text gets « (PDF, 230 Ko) ».
Links with Pelican's ``{static}``/``{filename}`` that lead nowhere are reported too.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

PREFIXES = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")
_LINK = re.compile(r'<a\s+([^>]*?)href="([^"]*)"([^>]*)>(.*?)</a>', re.S)


@dataclass(frozen=True)
class LinkProblem:
    kind: str
    """``missing`` (a document that is not there), ``outside`` (a file that is not a document
    nor an image), ``unresolved`` (a {static}/{filename} link to nothing), ``unsupported``."""
    target: str
    """The address as written in the page."""
    path: str = ""
    """The file looked for, relative to the content folder."""


@dataclass(frozen=True)
class Target:
    """Where a link leads inside the content folder."""

    relative: str
    """Relative to the content folder, with ``/`` (``documents/cerfa.pdf``)."""
    prefix: str
    """``{static}``, ``{filename}``… or empty."""


def resolve(href: str, page_dir: str, content_root: str) -> Target | None:
    """The content file a link names, or None for a link to a page, an anchor, another site."""
    value = html.unescape(href.strip())
    prefix = next((p for p in PREFIXES if value.startswith(p)), "")
    value = value[len(prefix) :]
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith(("//", "#")) or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        full = os.path.join(content_root, path.lstrip("/"))
    elif path.startswith(("./", "../")) or (prefix and not path.startswith("/")):
        full = os.path.join(page_dir, path)
    else:
        full = os.path.join(content_root, path)
    relative = os.path.relpath(os.path.normpath(full), content_root).replace(os.sep, "/")
    return Target(relative, prefix)


def rewrite_links(
    body: str,
    page_dir: str,
    content_root: str,
    documents_dir: str,
    images_dir: str,
    stat: Callable[[str], int | None],
    url_of: Callable[[str], str],
    describe: Callable[[str, int], str],
    is_document: Callable[[str], bool] = lambda relative: False,
    publishes: Callable[[str], bool] = lambda relative: True,
) -> tuple[str, list[LinkProblem], list[str]]:
    """``body`` with document links rewritten; the problems; the documents linked.

    ``stat(relative)`` gives a content file's size (None if it does not exist);
    ``url_of(name)`` the published address of a document (``name`` inside documents_dir);
    ``is_document(relative)``: a document type (a PDF under images/ is refused, pointing to
    documents/); ``publishes(relative)``: a ``{filename}`` target Pelican makes a page of.
    """
    problems: list[LinkProblem] = []
    linked: list[str] = []

    def broken(match: re.Match, problem: LinkProblem) -> str:
        """The link without its address: the build stops, and Pelican must not try it too."""
        problems.append(problem)
        return match.group(0).replace(f'href="{problem.target}"', 'href="#"', 1)

    def replace(match: re.Match) -> str:
        before, href, after, text = match.groups()
        target = resolve(href, page_dir, content_root)
        if target is None or target.relative.startswith("../"):
            return match.group(0)
        first = target.relative.split("/", 1)[0]
        if first == documents_dir:
            size = stat(target.relative)
            name = target.relative[len(documents_dir) + 1 :]
            if size is None:
                return broken(match, LinkProblem("missing", href, target.relative))
            linked.append(name)
            info = html.escape(describe(name, size))
            new = f'<a {before}href="{html.escape(url_of(name))}"{after}>'
            return f'{new}{text} <span class="doc-info">({info})</span></a>'
        if first == images_dir:  # images: the images plugin; a PDF there is a document
            if stat(target.relative) is not None and is_document(target.relative):
                return broken(match, LinkProblem("outside", href, target.relative))
            return match.group(0)
        if target.prefix in ("{static}", "|static|", "{attach}", "|attach|"):
            kind = "unresolved" if stat(target.relative) is None else "outside"
            return broken(match, LinkProblem(kind, href, target.relative))
        if target.prefix and stat(target.relative) is None:
            return broken(match, LinkProblem("unresolved", href, target.relative))
        if target.prefix and not publishes(target.relative):
            return broken(match, LinkProblem("unsupported", href, target.relative))
        exists = stat(target.relative) is not None
        if not target.prefix and exists and not target.relative.endswith(".md"):
            return broken(match, LinkProblem("outside", href, target.relative))
        return match.group(0)

    return _LINK.sub(replace, body), problems, linked


def line_of(source_text: str, target: str) -> int | None:
    """The first line of the Markdown source where ``target`` is written."""
    for candidate in dict.fromkeys((target, html.unescape(target), unquote(target))):
        for number, line in enumerate(source_text.splitlines(), start=1):
            if candidate in line:
                return number
    return None
