"""Links to documents in a page's HTML: resolved, checked, given their type and size. Pure.

Accepted as images are: ``documents/x.pdf`` and ``/documents/x.pdf`` (from the content folder),
``{static}/documents/x.pdf``, ``../documents/x.pdf`` (from the page's folder). The link's
address becomes the document's published one and its text gets « (PDF, 230 Ko) ».
Links with Pelican's ``{static}``/``{filename}`` that lead nowhere are reported too.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from guichet import html5

PREFIXES = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")


@dataclass(frozen=True)
class LinkProblem:
    kind: str
    """``missing`` (a document that is not there), ``outside`` (a file that is not a document
    nor an image), ``unresolved`` (a {static}/{filename} link to nothing), ``unsupported``."""
    target: str
    """The address as the page gives it (its ``href``, entities decoded)."""
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
    """The content file a link names, or None for a link to a page, an anchor, another site.

    ``href`` is the attribute's value as the parser gives it (entities decoded).
    """
    value = href.strip()
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

    def document(href: str) -> tuple[str, int] | LinkProblem | None:
        """The document a link leads to (its name in documents_dir, its size), the problem
        with the link, or None for a link left as it is."""
        target = resolve(href, page_dir, content_root)
        if target is None or target.relative.startswith("../"):
            return None
        first = target.relative.split("/", 1)[0]
        if first == documents_dir:
            size = stat(target.relative)
            if size is None:
                return LinkProblem("missing", href, target.relative)
            return target.relative[len(documents_dir) + 1 :], size
        if first == images_dir:  # images: the images plugin; a PDF there is a document
            if stat(target.relative) is not None and is_document(target.relative):
                return LinkProblem("outside", href, target.relative)
            return None
        if target.prefix in ("{static}", "|static|", "{attach}", "|attach|"):
            kind = "unresolved" if stat(target.relative) is None else "outside"
            return LinkProblem(kind, href, target.relative)
        if target.prefix and stat(target.relative) is None:
            return LinkProblem("unresolved", href, target.relative)
        if target.prefix and not publishes(target.relative):
            return LinkProblem("unsupported", href, target.relative)
        exists = stat(target.relative) is not None
        if not target.prefix and exists and not target.relative.endswith(".md"):
            return LinkProblem("outside", href, target.relative)
        return None

    if "<a" not in body and "<A" not in body:  # no link: nothing to parse (most pages)
        return body, problems, linked
    tree = html5.fragment(body)
    changed = False
    for link in tree.css("a[href]"):
        found = document(link.attributes.get("href") or "")
        if found is None:
            continue
        changed = True
        if isinstance(found, LinkProblem):  # the build stops; Pelican must not try it too
            problems.append(found)
            link.attrs["href"] = "#"
            continue
        name, size = found
        linked.append(name)
        link.attrs["href"] = url_of(name)
        _append_info(link, describe(name, size))
    return (tree.inner_html or "") if changed else body, problems, linked


def _append_info(link: LexborNode, info: str) -> None:
    """« (PDF, 230 Ko) » at the end of the link's text, in its own ``<span>``."""
    span = link.parser.create_node("span")
    span.attrs["class"] = "doc-info"
    span.insert_child(f"({info})")
    link.insert_child(" ")
    link.insert_child(span)


def line_of(source_text: str, target: str) -> int | None:
    """The first line of the Markdown source where ``target`` is written."""
    for candidate in dict.fromkeys((target, html.unescape(target), unquote(target))):
        for number, line in enumerate(source_text.splitlines(), start=1):
            if candidate in line:
                return number
    return None
