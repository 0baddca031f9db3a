"""Typst: lay a flyer out, measure it, write its PDF; merge the booklet. No Pelican here.

A flyer is its :class:`content.FlyerContent` as JSON (:func:`typst_input`), compiled with
``flyer.typ`` by a :class:`typst.Compiler` of its own (the fonts read once per process and
shared; Typst's layouts memoised per process). No network and no
system font discovery: the fonts are DejaVu's folder (:data:`options.FONT_PATHS`) and the fonts
built into Typst. Two builds give the same bytes: the PDF's date is fixed
(:data:`options.TIMESTAMP`) and Typst derives the rest from the content. PDFs are tagged
PDF/UA-1 (title, language, structure for screen readers).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import cache

import pikepdf
import typst

from .content import FlyerContent
from .markup import escape, to_typst
from .options import (
    FONT_PATHS,
    FRONT_SAFETY_MM,
    MARGIN_Y_MM,
    PAGE_HEIGHT_MM,
    PDF_STANDARDS,
    SAFETY_MM,
    TEMPLATE,
    TIMESTAMP,
)

A4_POINTS = (595.28, 841.89)
ROOM_MM = PAGE_HEIGHT_MM - 2 * MARGIN_Y_MM
"""Height of a page's text area."""


_NOT_TEXT = {
    "layout",
    "slug",
    "phone_uri",
    "cut",
    "level",
    "recto_verso",
    "abridged",
    "many",
    "kind",
    "key",
}
_HTML = {"documents", "steps", "lead", "more"}
_PLAIN = {"label"}
"""Plain text inside an HTML part (a free-text part's name)."""


def typst_input(content: FlyerContent) -> str:
    """The flyer as the Typst template reads it: JSON where every text is Typst markup, escaped
    (``markup.py``): inline HTML turned into markup, plain text made literal."""

    def text(value, convert):
        if isinstance(value, str):
            return convert(value)
        if isinstance(value, list | tuple):
            return [text(v, convert) for v in value]
        if isinstance(value, dict):
            return {
                k: v if k in _NOT_TEXT else text(v, escape if k in _PLAIN else convert)
                for k, v in value.items()
            }
        return value

    data = {
        key: value if key in _NOT_TEXT else text(value, to_typst if key in _HTML else escape)
        for key, value in content.as_dict().items()
    }
    # The PDF's metadata: plain strings, not markup.
    data["pdf_title"] = f"{content.title} – fiche pratique – {content.town}"
    data["pdf_author"] = content.author
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


@cache
def _fonts() -> typst.Fonts:
    """The fonts, read once per process and shared by every compiler."""
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=True,
        font_paths=[p for p in FONT_PATHS if p.is_dir()],
    )


def _compiler(data: str) -> typst.Compiler:
    """A compiler of one flyer (``data``: :func:`typst_input`). Cheap to make: the fonts are
    shared, and Typst's layouts are memoised for the whole process, so a PDF written after a
    query (or a second query) reuses the layout already made."""
    return typst.Compiler(
        str(TEMPLATE),
        root=str(TEMPLATE.parent),
        font_paths=_fonts(),
        ignore_system_fonts=True,
        sys_inputs={"data": data},
    )


@cache
def _blank() -> typst.Compiler:
    return typst.Compiler(font_paths=_fonts(), ignore_system_fonts=True, root=str(TEMPLATE.parent))


def _forget_old_layouts() -> None:
    """Typst forgets the layouts it memoised (those unused by its last 10 compilations) at the
    end of a compilation, never after a query: a blank page is compiled (a few microseconds)
    after a level laid out without its PDF, or a worker's memory would grow with every flyer
    (700 MB for 300 flyers)."""
    _blank().compile(input=b"#set page(width: 1pt, height: 1pt)", format="svg")


def _query(compiler: typst.Compiler, label: str) -> list:
    return json.loads(compiler.query(f"<{label}>", field="value", format="json"))


@dataclass(frozen=True)
class Layout:
    """One level of a flyer, laid out (in a worker process): what the fitting loop needs."""

    pages: int
    overflow_mm: float
    """How far the flyer goes past one page minus SAFETY_MM; 0 or less: it fits on one side."""
    fits: bool
    pdf: bytes | None
    """None for a level that does not fit, unless asked for (``pdf=True``)."""
    parts_mm: dict[str, float]
    """Height of each marked part (documents, steps, the free-text parts, counter:<slug>) on the
    sheet, in mm; measured at level 0 only."""


def compile_pdf(data: str) -> bytes:
    """The flyer's PDF (tagged PDF/UA-1, fixed date)."""
    return _pdf(_compiler(data))


def _pdf(compiler: typst.Compiler) -> bytes:
    return compiler.compile(format="pdf", pdf_standards=PDF_STANDARDS, timestamp=TIMESTAMP)


def _height(start: dict, end: dict) -> float:
    """Height between two marks, over as many pages as it takes, in mm."""
    if start["page"] == end["page"]:
        return end["y"] - start["y"]
    first = MARGIN_Y_MM + ROOM_MM - start["y"]
    return first + (end["page"] - start["page"] - 1) * ROOM_MM + end["y"] - MARGIN_Y_MM


def lay_out_level(data: str, pages: int = 1, measure: bool = False, pdf: bool = False) -> Layout:
    """Lay one level of a flyer out (``data``: :func:`typst_input`); say whether it takes at
    most ``pages`` pages and keeps SAFETY_MM free at the foot of its last page (the printable
    page, laid out by a browser, takes a little more room), and FRONT_SAFETY_MM at the foot of
    the front of a recto-verso flyer (not a flowing one); write its PDF when it fits, or
    when ``pdf`` is true; ``measure``: also the height of its parts. (Writing the PDF costs a
    quarter of a level: a level that does not fit, most often level 0 of a recto-verso flyer,
    is only laid out and measured.)"""
    compiler = _compiler(data)
    end = _query(compiler, "flyer-end")[0]
    used = (end["page"] - 1) * ROOM_MM + end["y"] - MARGIN_Y_MM
    overflow = round(used - (ROOM_MM - SAFETY_MM), 1)
    last_used = end["y"] - MARGIN_Y_MM
    fitting = end["page"] <= pages and last_used <= ROOM_MM - SAFETY_MM
    front = end.get("front")
    if front is not None:
        fitting = fitting and front["page"] == 1
        fitting = fitting and front["y"] - MARGIN_Y_MM <= ROOM_MM - FRONT_SAFETY_MM
    parts: dict[str, float] = {}
    if measure:
        starts: dict[str, dict] = {}
        for mark in _query(compiler, "flyer-part"):
            if mark["edge"] == "start":
                starts[mark["name"]] = mark
            elif mark["name"] in starts:
                height = _height(starts.pop(mark["name"]), mark)
                parts[mark["name"]] = round(parts.get(mark["name"], 0) + height, 1)
    if fitting or pdf:
        written = _pdf(compiler)
    else:
        written = None
        _forget_old_layouts()
    return Layout(end["page"], overflow, fitting, written, parts)


def write_booklet(pdfs: list[bytes], title: str, author: str, lang: str = "fr") -> bytes:
    """One PDF with the pages of ``pdfs`` in order, titled ``title``; a blank page before a
    recto-verso flyer that would start on the back of a sheet, so that printed double-sided
    every flyer is a sheet of its own.

    Merged from the flyers' own PDFs (pikepdf, i.e. qpdf), not laid out again: a booklet after
    one edit costs a merge (2 s for 1,000 pages), not a layout of every flyer. The merged file
    is not tagged (its pages keep their content; each flyer's own PDF is the tagged one).
    Deterministic: no date, and the file identifier is derived from the content.
    """
    booklet = pikepdf.Pdf.new()
    for pdf in pdfs:
        with pikepdf.Pdf.open(io.BytesIO(pdf)) as flyer:
            if len(flyer.pages) == 2 and len(booklet.pages) % 2:
                booklet.add_blank_page(page_size=A4_POINTS)  # a recto-verso flyer: one sheet
            booklet.pages.extend(flyer.pages)
    booklet.docinfo["/Title"] = title
    booklet.docinfo["/Author"] = author
    booklet.Root.Lang = pikepdf.String(lang)
    buffer = io.BytesIO()
    booklet.save(buffer, deterministic_id=True)
    return buffer.getvalue()
