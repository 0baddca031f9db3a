"""WeasyPrint: lay out a flyer, measure its overflow, write PDFs. No Pelican here.

Every render goes through :class:`fetcher.LocalFetcher` (no network) and the same options, so
two builds give byte-identical PDFs: WeasyPrint writes no date unless the HTML declares one
(``<meta name="dcterms.modified">``, the build date) and the file identifier is a hash of the
PDF's own objects.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject
from weasyprint import HTML, Document

from .fetcher import LocalFetcher
from .options import PDF_OPTIONS, SAFETY_MM

PX_PER_MM = 96 / 25.4


def layout(html: str, base_url: str, mounts: Mapping[str, Path]) -> Document:
    """Lay ``html`` out for print, reading only the site's own files."""
    source = HTML(string=html, base_url=base_url, url_fetcher=LocalFetcher(mounts))
    return source.render(**PDF_OPTIONS)


def overflow_mm(document: Document) -> float:
    """How much the content goes beyond one page minus SAFETY_MM; 0 or less means it fits.

    Measured on WeasyPrint's own layout: the bottom of the lowest line on every page, summed,
    against the height of the page's content area.
    """
    used = sum(_used_height(page) for page in document.pages)
    room = document.pages[0]._page_box.height - SAFETY_MM * PX_PER_MM
    return round((used - room) / PX_PER_MM, 1)


def fits(document: Document) -> bool:
    return len(document.pages) == 1 and overflow_mm(document) <= 0


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


@dataclass
class Fitted:
    """A flyer laid out at the first level of the shortening rule that fits on one page."""

    level: int
    pages: int
    """1, unless even the last level does not fit (the build then says so)."""
    overflow_mm: float
    """Overflow of the full flyer (level 0); 0 when nothing had to be shortened."""
    pdf: bytes


def fit_flyer(
    html_at: Callable[[int], str],
    levels: int,
    base_url: str,
    mounts: Mapping[str, Path],
) -> Fitted:
    """Lay out level 0, then the next levels while the flyer is longer than one page."""
    overflow, chosen, document, previous = 0.0, 0, None, None
    for level in range(levels):
        html = html_at(level)
        if html == previous:
            continue  # this cut changes nothing on this flyer
        previous, chosen = html, level
        document = layout(html, base_url, mounts)
        if level == 0:
            overflow = max(overflow_mm(document), 0.0)
        if fits(document):
            break
    return Fitted(chosen, len(document.pages), overflow, write_pdf(document))


def write_booklet(pdfs: list[bytes], title: str, author: str, lang: str = "fr") -> bytes:
    """One PDF with the pages of ``pdfs`` in order, titled ``title``.

    Merged from the flyers' own PDFs (pypdf), not laid out again: memory grows with the PDFs'
    bytes, not with WeasyPrint's page boxes (4.9 GB for 1,000 flyers), and a booklet after one
    edit costs a merge, not a layout of every flyer. The merged file is not tagged (its pages
    keep their content; each flyer's own PDF is the tagged one). Deterministic: no date, and the
    file identifier is derived from the content.
    """
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": title, "/Author": author})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    digest = hashlib.sha256(b"".join(hashlib.sha256(pdf).digest() for pdf in pdfs)).digest()
    identifier = ByteStringObject(digest[:16])
    writer._ID = ArrayObject([identifier, identifier])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
