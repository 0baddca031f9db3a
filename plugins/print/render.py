"""WeasyPrint: lay out a flyer, measure its overflow, write PDFs. No Pelican here.

Every render goes through :class:`fetcher.LocalFetcher` (no network) and the same options, so
two builds give byte-identical PDFs: WeasyPrint writes no date unless the HTML declares one
(``<meta name="dcterms.modified">``, the build date) and the file identifier is a hash of the
PDF's own objects.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pikepdf
from weasyprint import CSS, HTML, LOGGER, Document
from weasyprint.css.media_queries import evaluate_media_query
from weasyprint.text.fonts import FontConfiguration

from .fetcher import LocalFetcher
from .options import PDF_OPTIONS, SAFETY_MM
from .paths import RefusedURL, local_path

PX_PER_MM = 96 / 25.4
A4_POINTS = (595.28, 841.89)


def layout(html: str, base_url: str, mounts: Mapping[str, Path]) -> Document:
    """Lay ``html`` out for print, reading only the site's own files.

    The stylesheets it links are parsed once per process, not once per flyer (a sixth of a
    layout's time): the ``<link>`` elements are taken out of the parsed page and the same
    stylesheets given to WeasyPrint already parsed (same PDF bytes, tested).
    """
    fetcher = LocalFetcher(mounts)
    source = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    sheets = [_stylesheet(url, mounts) for url in _take_linked_stylesheets(source, base_url)]
    sheets = [sheet for sheet in sheets if sheet is not None]
    return source.render(stylesheets=sheets, font_config=_FONTS, **PDF_OPTIONS)


_FONTS = FontConfiguration()
_SHEETS: dict[tuple, CSS] = {}


def _take_linked_stylesheets(source: HTML, base_url: str) -> list[str]:
    """Remove from the parsed page the ``<link rel=stylesheet>`` that apply to print, as
    WeasyPrint would read them (media, type, alternate), and return their URLs in order."""
    found = []
    for parent in source.etree_element.iter():
        for element in list(parent):
            if not isinstance(element.tag, str) or element.tag.rsplit("}", 1)[-1] != "link":
                continue
            rels = element.get("rel", "").lower().split()
            if "stylesheet" not in rels or "alternate" in rels or not element.get("href"):
                continue
            if element.get("type", "text/css").split(";", 1)[0].strip() != "text/css":
                continue
            media = [m.strip() for m in (element.get("media", "").strip() or "all").split(",")]
            parent.remove(element)
            if evaluate_media_query(media, "print"):
                found.append(urljoin(base_url, element.get("href").strip()))
    return found


def _stylesheet(url: str, mounts: Mapping[str, Path]) -> CSS | None:
    """The parsed stylesheet at ``url``, kept for this process while its bytes are the same;
    None when it is not one of the site's files (WeasyPrint, too, goes on without it)."""
    try:
        data = local_path(url, mounts).read_bytes()
    except (RefusedURL, OSError) as error:
        LOGGER.error("Failed to load stylesheet at %s: %s: %s", url, type(error).__name__, error)
        return None
    key = (url, data, tuple(sorted((k, str(v)) for k, v in mounts.items())))
    if key not in _SHEETS:
        fetcher = LocalFetcher(mounts)
        _SHEETS[key] = CSS(string=data, base_url=url, url_fetcher=fetcher, font_config=_FONTS)
    return _SHEETS[key]


def overflow_mm(document: Document) -> float:
    """How much the content goes beyond one page minus SAFETY_MM; 0 or less means it fits.

    Measured on WeasyPrint's own layout: the bottom of the lowest line on every page, summed,
    against the height of the page's content area.
    """
    used = sum(_used_height(page) for page in document.pages)
    return round((used - _room(document)) / PX_PER_MM, 1)


def _room(document: Document) -> float:
    return document.pages[0]._page_box.height - SAFETY_MM * PX_PER_MM


def fits(document: Document, pages: int = 1) -> bool:
    """True when the flyer takes at most ``pages`` pages and its last one keeps SAFETY_MM free
    (browsers lay text out a little differently)."""
    if len(document.pages) > pages:
        return False
    return _used_height(document.pages[-1]) <= _room(document)


def parts_mm(document: Document) -> dict[str, float]:
    """Height of each element marked ``data-part`` (summed over pages), in mm, rounded."""
    heights: dict[str, float] = {}
    for page in document.pages:
        spans: dict[str, list[float]] = {}
        _part_spans(page._page_box, spans)
        for name, (top, bottom) in spans.items():
            heights[name] = heights.get(name, 0.0) + (bottom - top) / PX_PER_MM
    return {name: round(value, 1) for name, value in sorted(heights.items())}


def _part_spans(box, spans: dict[str, list[float]]) -> None:
    element = getattr(box, "element", None)
    name = element.get("data-part") if element is not None and hasattr(element, "get") else None
    if name and hasattr(box, "position_y"):
        top, bottom = box.position_y, box.position_y + box.margin_height()
        span = spans.setdefault(name, [top, bottom])
        span[0], span[1] = min(span[0], top), max(span[1], bottom)
        return
    for child in getattr(box, "children", ()):
        _part_spans(child, spans)


def _used_height(page) -> float:
    """Height taken by the content on ``page``, from the top of its content area: the lowest
    border edge of a box ending on this page (a box split across pages, which WeasyPrint
    stretches to the page's end, does not count; the lines in it do)."""
    page_box = page._page_box
    top = page_box.content_box_y()
    end = top + page_box.height - 0.5
    bottoms = [b for b in _bottoms(page_box.children[0]) if b < end]
    return max(bottoms, default=top) - top


def _bottoms(box):
    """Bottom border edges of ``box`` and of every box in it."""
    if hasattr(box, "position_y") and hasattr(box, "margin_height"):
        yield box.position_y + box.margin_height() - (box.margin_bottom or 0)
    for child in getattr(box, "children", ()):
        yield from _bottoms(child)


def write_pdf(document: Document) -> bytes:
    return document.write_pdf(**PDF_OPTIONS)


@dataclass(frozen=True)
class Layout:
    """One level of a flyer, laid out (in a worker process): what the fitting loop needs."""

    pages: int
    overflow_mm: float
    fits: bool
    pdf: bytes | None
    """The PDF when the level fits or it is the last one to try (``keep``); otherwise None:
    writing a PDF nobody keeps costs a third of a layout."""
    parts_mm: dict[str, float]
    """Height of each marked part (see :func:`parts_mm`); measured at level 0 only."""


def lay_out_level(
    html: str,
    base_url: str,
    mounts: Mapping[str, Path],
    keep: bool,
    pages: int = 1,
    measure: bool = False,
) -> Layout:
    """Lay one level of a flyer out, check it takes at most ``pages`` pages, and write its PDF
    when it fits or ``keep``; ``measure``: also the height of its parts."""
    document = layout(html, base_url, mounts)
    fitting = fits(document, pages)
    pdf = write_pdf(document) if fitting or keep else None
    parts = parts_mm(document) if measure else {}
    return Layout(len(document.pages), overflow_mm(document), fitting, pdf, parts)


def write_booklet(pdfs: list[bytes], title: str, author: str, lang: str = "fr") -> bytes:
    """One PDF with the pages of ``pdfs`` in order, titled ``title``; a blank page before a
    recto-verso flyer that would start on the back of a sheet, so that printed double-sided
    every flyer is a sheet of its own.

    Merged from the flyers' own PDFs (pikepdf, i.e. qpdf), not laid out again: memory grows with
    the PDFs' bytes, not with WeasyPrint's page boxes (4.9 GB for 1,000 flyers), and a booklet
    after one edit costs a merge (2 s for 1,000 pages; pypdf took 18 s), not a layout of every
    flyer. The merged file is not tagged (its pages keep their content; each flyer's own PDF is
    the tagged one). Deterministic: no date, and the file identifier is derived from the content.
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
