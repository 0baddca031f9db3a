"""Split a procedure's HTML body into the sections staff write under level-2 headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from guichet import html5
from guichet.accents import strip_accents

KNOWN = {
    "qui est concerne": "who",
    "pieces a fournir": "documents",
    "etapes": "steps",
    "bon a savoir": "good_to_know",
}
"""Normalised heading → section key."""

HEADINGS = {
    "who": "Qui est concerné",
    "documents": "Pièces à fournir",
    "steps": "Étapes",
    "good_to_know": "Bon à savoir",
}


@dataclass(frozen=True)
class Section:
    key: str
    """One of KNOWN's values, or ``other``; ``intro`` for text before the first heading."""
    heading: str
    """The heading as written (HTML)."""
    html: str
    """The section's content, without its heading."""


def normalise(heading: str) -> str:
    """A heading written in HTML (``Pièces à <em>fournir</em>``), as KNOWN's keys are."""
    return _normalised(html5.text(heading))


def _normalised(text: str) -> str:
    plain = strip_accents(text).lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def split_sections(html: str, comments: bool = True) -> list[Section]:
    """Cut ``html`` at each of its ``<h2>``; the text before the first one is the ``intro``.

    Read with an HTML5 parser, as a browser reads the body: a heading inside a comment is no
    heading, nor is the text of an attribute; only the body's own headings cut it, so a heading
    quoted in a ``<blockquote>`` (or inside any other element) stays in its section, and every
    section is well-formed HTML. ``comments=False`` leaves every comment out of the sections.
    """
    body = html5.fragment(html)
    if not comments:
        html5.drop_comments(body)
    sections = []
    key, heading, parts = "intro", "", []
    for node in body.iter(include_text=True):
        if node.tag == "h2":
            _close(sections, key, heading, parts)
            key = KNOWN.get(_normalised(html5.node_text(node)), "other")
            heading, parts = (node.inner_html or "").strip(), []
        else:
            parts.append(node.html or "")
    _close(sections, key, heading, parts)
    return sections


def _close(sections: list[Section], key: str, heading: str, parts: list[str]) -> None:
    """Add the section read so far; an intro only if it holds something."""
    content = "".join(parts).strip()
    if key != "intro" or content:
        sections.append(Section(key, heading, content))


def list_items(html: str) -> list[str]:
    """The top-level ``<li>`` contents of a section (documents to bring, steps), as HTML.

    Read with an HTML5 parser: an item holding a nested list (« Justificatif de domicile : »
    then its choices) stays one item, its sub-list inside it, well-formed.
    """
    body = html5.fragment(html)
    return [(li.inner_html or "").strip() for li in body.css("li") if not _inside_item(li, body)]


def _inside_item(li, root) -> bool:
    """True when ``li`` is part of another item (a sub-list), not of the section's own list."""
    node = li.parent
    while node is not None and node is not root:
        if node.tag == "li":
            return True
        node = node.parent
    return False


BOX = '<span class="box" aria-hidden="true">☐ </span>'
"""A checklist item's box as text: drawn by CSS, read as « ☐ » where there is no CSS (lynx,
w3m, Dillo), hidden from screen readers."""


def with_boxes(html: str) -> str:
    """The section's HTML with a box at the start of each top-level item (documents to bring);
    the choices of a sub-list (« facture », « quittance ») are not boxes of their own."""
    body = html5.fragment(html)
    items = [li for li in body.css("li") if not _inside_item(li, body)]
    if not items:
        return html
    boxes = LexborHTMLParser(BOX * len(items)).body.css("span")  # one parse, not one a box
    for li, box in zip(items, boxes, strict=True):
        if li.child is None:
            li.insert_child(box)
        else:
            li.child.insert_before(box)
    return body.inner_html or ""
