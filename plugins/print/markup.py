"""Inline HTML of a flyer (documents, steps, free text; already sanitised) → Typst markup.

Read with selectolax; what the flyer keeps of HTML: paragraphs, line breaks, emphasis, strong,
abbreviations, code, links (their target is already written out after them, ``fit.py``),
lists, nested or not, and tables (rows and cells). Any other element keeps its text. Every
piece of text is escaped, so staff text can never be read as Typst code:
``#set page(width: 1pt)``, ``$x$`` or ``<label>`` print as typed (tested).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

_SPECIAL = re.compile(r"([\\#$*_`<>@\[\]~\"'=/+.:;,!?%&^{}()|])")
"""Every character Typst markup may read as syntax is written with a backslash: ``\\#``,
``\\$``… (a backslash before any of these is Typst's escape; before a letter it would not be,
so letters and digits are left alone). The hyphen is written ``\\u{2d}``: ``\\-`` is Typst's
soft hyphen, and ``-``, ``--``, ``-?`` are list markers, dashes and a soft hyphen."""

_SPACE = re.compile(r"([^\S\u00a0]+)")
"""Spaces that HTML collapses; a no-break space (« 8 h 30 ») is kept, and Typst keeps it too."""
_LONG_RUN = re.compile(r"[^\s/.\-]{30,}")
ZWSP = "\u200b"
"""Zero-width space: where a word too long for a line may break (Typst, unlike a browser's
``overflow-wrap``, lets a word without a break opportunity run off the page)."""
SHORT_HYPHENATED = 25
"""A hyphenated word up to this length never breaks at its hyphen (« Gardez-le »,
« Val-d'Aurore », as the flyer page's ``.web strong``): text read back from the PDF keeps it."""


def soft_breaks(text: str) -> str:
    """``text`` with a zero-width space every 15 characters of any run of 30 or more without a
    break opportunity (a 60-letter word wraps inside the sheet)."""
    return _LONG_RUN.sub(
        lambda m: ZWSP.join(m.group(0)[i : i + 15] for i in range(0, len(m.group(0)), 15)), text
    )


def _literal(token: str) -> str:
    return _SPECIAL.sub(r"\\\1", token).replace("-", "\\u{2d}")


_MEMO = 1 << 16
"""Texts remembered by :func:`escape` and :func:`to_typst`: each flyer is made at two levels or
more with the same texts, and every flyer of a counter repeats its address and hours."""


_HYPHENATED = re.compile(r"((?<!\S)\S*-\S*)")
"""A word with a hyphen in it (words are split at whitespace)."""


@lru_cache(maxsize=_MEMO)
def escape(text: str) -> str:
    """``text`` as Typst markup that prints it literally (spaces collapsed, as HTML shows)."""
    # Words without a hyphen are escaped a run at a time (a soft break never crosses a space).
    pieces = _HYPHENATED.split(_SPACE.sub(" ", text))
    return "".join(
        _word(piece) if odd else _literal(soft_breaks(piece))
        for odd, piece in zip(itertools.cycle((False, True)), pieces, strict=False)
        if piece
    )


def _word(token: str) -> str:
    """One word as markup: never broken at a hyphen when it is short, or, in a long address,
    within a part between slashes (« demande-domiciliation.pdf »); it may break after a slash."""
    if "-" not in token:
        return _literal(soft_breaks(token))
    if len(token) <= SHORT_HYPHENATED:
        return f"#box[{_literal(token)}]"
    parts = re.split(r"(?<=/)", token)
    marked = []
    for part in parts:
        if "-" in part and len(part) <= 2 * SHORT_HYPHENATED:
            marked.append(f"#box[{_literal(part)}]")
        else:
            marked.append(_literal(soft_breaks(part)))
    return "".join(marked)  # a line may break between two parts


def string(text: str) -> str:
    """``text`` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")


@lru_cache(maxsize=_MEMO)
def to_typst(html: str) -> str:
    """Typst markup for an HTML fragment."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:
        return ""
    return _blocks(body).strip()


def _blocks(node) -> str:
    """Children of ``node``: block elements apart, inline runs joined."""
    out: list[str] = []
    inline: list[str] = []

    def flush() -> None:
        text = "".join(inline).strip()
        if text:
            out.append(text)
        inline.clear()

    for child in _children(node):
        tag = child.tag
        if tag in {"p", "div", "blockquote", "figure", "figcaption"}:
            flush()
            text = _blocks(child).strip()
            if text:
                out.append(text)
        elif tag in {"ul", "ol"}:
            flush()
            out.append(_list(child))
        elif tag == "table":
            flush()
            out.append(_table(child))
        else:
            inline.append(_inline(child))
    flush()
    return "\n\n".join(out)


def _list(node) -> str:
    items = [f"[{_blocks(li)}]" for li in _children(node) if li.tag == "li"]
    kind = "enum" if node.tag == "ol" else "list"
    return f"#{kind}({', '.join(items)})" if items else ""


def _table(node) -> str:
    """A table as a Typst table: its rows and cells, header cells in bold (an imported fiche's
    « Situation | Prix »)."""
    rows = []
    for row in node.css("tr"):
        cells = [cell for cell in _children(row) if cell.tag in {"th", "td"}]
        rows.append(
            [f"[#strong[{_blocks(c)}]]" if c.tag == "th" else f"[{_blocks(c)}]" for c in cells]
        )
    width = max((len(row) for row in rows), default=0)
    if not width:
        return ""
    cells = [cell for row in rows for cell in row + ["[]"] * (width - len(row))]
    return f"#table(columns: {width}, inset: 1mm, stroke: 0.4pt, {', '.join(cells)})"


def _inline(node) -> str:
    tag = node.tag
    if tag == "-text":
        return escape(node.text_content or "")
    if tag == "br":
        return "#linebreak()"
    inner = "".join(_inline(child) for child in _children(node))
    if tag in {"ul", "ol", "p", "div"}:
        return " " + _blocks(node) + " "
    if tag in {"strong", "b"}:
        return f"#strong[{inner}]"
    if tag in {"em", "i"}:
        return f"#emph[{inner}]"
    if tag == "code":
        return f"#raw({string(node.text() or '')})"
    if tag == "a":
        href = (node.attributes.get("href") or "").strip()
        if href.lower().startswith(_LINK_SCHEMES):
            return f"#link({string(href)})[{inner}]"
        return inner
    return inner


def _children(node):
    child = node.child
    while child is not None:
        if child.tag not in {"-comment", "script", "style"}:
            yield child
        child = child.next
