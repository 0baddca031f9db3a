"""A procedure page on paper: its free text cut as its flyer's is (the print stylesheet,
theme/static/css/impression.css, does the cutting; this marks where).

The print plugin fits each flyer to one A4 sheet (``plugins/print/fit.py``) and hands the level
it chose to the page (``procedure.printed.flyer``: ``level`` and ``cut`` are all that is read
here). A printed procedure page follows it: at level 2 a free-text part keeps its first
sentence, « … suite sur <adresse> » after it; from level 3 it is left out, « « Bon à savoir » :
à lire sur <adresse> » in its place. The marks are a class and a wrapped span: the screen, text
browsers and screen readers read the page as before. Pure: no Pelican.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from guichet_plugins.print.fit import SENTENCE_END

FREE_TEXT = frozenset({"who", "good_to_know"})
"""Free text the flyer prints, shortened when the fit rule says so (``flyer.cut``)."""
BY_LEVEL = frozenset({"intro", "other"})
"""Free text the flyer names by keys of its own (``intro``, ``other:<heading>``): cut, as the
flyer cuts all its free text, from level 2 on."""

KEEP = "print-keep"
REST = "print-rest"


@dataclass(frozen=True)
class OnPaper:
    """How one section of a procedure page prints."""

    html: str
    """The section's HTML, its first sentence marked when it is shortened (else unchanged)."""
    cut: str
    """"" (printed whole), "short" (first sentence) or "out" (left out)."""


def first_sentence_apart(html: str) -> str | None:
    """``html`` with what its first sentence leaves out marked: its first paragraph gets the
    class ``print-keep``, the rest of that paragraph goes into ``<span class="print-rest">``;
    the print stylesheet hides the rest and every other block. ``html`` itself when it is one
    sentence; None when its first block is not a paragraph (nothing to keep)."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    blocks = [node for node in body.iter() if node.tag != "-text"] if body is not None else []
    first = blocks[0] if blocks else None
    if first is None or first.tag != "p":
        return None
    head, rest, cut = [], [], False
    for node in first.iter(include_text=True):
        if cut:
            rest.append(node.html or "")
        elif node.tag != "-text":
            head.append(node.html or "")
        else:
            text = node.text_content or ""
            match = SENTENCE_END.search(text)
            if match is None:
                head.append(html_lib.escape(text, quote=False))
                continue
            head.append(html_lib.escape(text[: match.start()], quote=False))
            rest.append(html_lib.escape(text[match.start() :], quote=False))
            cut = True
    if not cut and len(blocks) == 1:
        return html
    first.attrs["class"] = " ".join(filter(None, [first.attrs.get("class"), KEEP]))
    if cut:
        first.inner_html = "".join(head) + f'<span class="{REST}">' + "".join(rest) + "</span>"
    return body.inner_html


def on_paper(section, procedure) -> OnPaper:
    """How ``section`` of ``procedure`` prints, after its flyer's level (level 0 without one)."""
    flyer = procedure.printed.flyer if procedure.printed is not None else None
    level = flyer.level if flyer is not None else 0
    if section.key in FREE_TEXT:
        cut = flyer is not None and section.key in flyer.cut
    else:
        cut = section.key in BY_LEVEL and level >= 2
    if not cut:
        return OnPaper(section.html, "")
    if level >= 3:
        return OnPaper(section.html, "out")
    marked = first_sentence_apart(section.html)
    if marked is None:
        return OnPaper(section.html, "out")
    return OnPaper(marked, "short" if marked != section.html else "")
