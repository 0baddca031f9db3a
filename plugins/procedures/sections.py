"""Split a procedure's HTML body into the sections staff write under level-2 headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from guichet.accents import strip_accents

_H2 = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")

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


def normalise(text: str) -> str:
    plain = strip_accents(_TAG.sub("", text)).lower()
    plain = re.sub(r"[^a-z0-9]+", " ", plain.replace("&nbsp;", " "))
    return plain.strip()


def split_sections(html: str) -> list[Section]:
    """Cut ``html`` at each ``<h2>``; the text before the first one is the ``intro``."""
    sections = []
    matches = list(_H2.finditer(html))
    intro = html[: matches[0].start()] if matches else html
    if intro.strip():
        sections.append(Section("intro", "", intro.strip()))
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        body = html[match.end() : following.start() if following else len(html)]
        key = KNOWN.get(normalise(match.group(1)), "other")
        sections.append(Section(key, match.group(1).strip(), body.strip()))
    return sections


def list_items(html: str) -> list[str]:
    """The top-level ``<li>`` contents of a section (documents to bring, steps), as HTML.

    Read with an HTML5 parser: an item holding a nested list (« Justificatif de domicile : »
    then its choices) stays one item, its sub-list inside it, well-formed.
    """
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:
        return []
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
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:
        return html
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
