"""What the print tests share: reading PDFs, and what each sample flyer must show."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT

A4_POINTS = (595.28, 841.89)
ZWSP = "\u200b"
"""Where the PDF may break a word too long for a line (plugins/print/markup.py): not text."""
OPENING_TIME = re.compile(r"\d{1,2} h( \d\d)? à \d{1,2} h")


def pdf_reader(data: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(data if isinstance(data, bytes) else data.read_bytes()))


def page_text(reader: PdfReader, index: int = 0) -> str:
    """Text of one page, ligatures unfolded and spaces collapsed."""
    text = unicodedata.normalize("NFKC", reader.pages[index].extract_text())
    return re.sub(r"\s+", " ", text.replace(ZWSP, ""))


def is_a4(reader: PdfReader, index: int = 0, tolerance: float = 2.0) -> bool:
    box = reader.pages[index].mediabox
    size = (float(box.width), float(box.height))
    return all(abs(a - b) <= tolerance for a, b in zip(size, A4_POINTS, strict=True))


def meta(path: Path) -> dict[str, str]:
    """``Titre: …`` fields of a content file (first line of each)."""
    text = path.read_text(encoding="utf-8")
    return {k.lower(): v.strip() for k, v in re.findall(r"^([A-Za-z-]+):\s*(.*)$", text, re.M)}


def counter_facts(slug: str, content: Path = ROOT / "content") -> tuple[str, str]:
    """The phone as printed (French display form) and the postal code of a counter."""
    from guichet_plugins.procedures.phone import parse_phone

    source = content / "guichets" / f"{slug}.md"
    postal = re.search(r"^\s+(\d{5}) ", source.read_text(encoding="utf-8"), re.M).group(1)
    return parse_phone(meta(source)["telephone"]).display, postal


def all_text(reader: PdfReader) -> str:
    """Text of every page, one string."""
    return " ".join(page_text(reader, n) for n in range(len(reader.pages)))


def plain(html: str) -> str:
    """Text of an HTML fragment as a PDF shows it: tags out, entities read, spaces collapsed."""
    from selectolax.lexbor import LexborHTMLParser

    text = LexborHTMLParser(f"<body>{html}</body>").body.text(separator=" ")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def list_texts(source: Path, heading: str) -> list[str]:
    """Every block of a « ## heading » list section of a procedure file, as plain text: each
    item of its lists (a sub-list inside its item), and each paragraph or sub-heading between
    them (all of them must be on paper). Read here, not with the plugin's code."""
    import markdown
    from selectolax.lexbor import LexborHTMLParser

    from guichet.lists import normalise_lists

    body = source.read_text(encoding="utf-8").split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    lines, _ = normalise_lists(body.split("\n"))
    html = markdown.markdown("\n".join(lines), extensions=["extra", "sane_lists"])
    texts = []
    for block in LexborHTMLParser(f"<body>{html}</body>").body.iter():
        parts = block.iter() if block.tag in {"ul", "ol"} else [block]
        texts += [plain(part.html or "") for part in parts if part.tag in {"li", block.tag}]
    return [text for text in texts if text]


MARKER = re.compile(r"^(\d+\.|•)$")
"""List numbers and bullets: drawn by the stylesheet, not text of the page."""


def words(text: str) -> list[str]:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u200b", "")
    return re.findall(r"\S+", text)


def page_words(folder: Path) -> list[str]:
    """The words of the flyer page's main content (``<folder>/fiche/index.html``)."""
    html = (folder / "fiche" / "index.html").read_text(encoding="utf-8")
    return words(LexborHTMLParser(html).css_first("main").text(separator=" "))


def pdf_words(folder: Path) -> list[str]:
    """The words residents read in ``<folder>/fiche.pdf``."""
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(folder / "fiche.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return words(run.stdout)


def differences(folder: Path) -> tuple[list[str], list[str]]:
    """Words of the flyer page missing from its PDF, and words of the PDF missing from the page
    (list numbers and bullets aside)."""
    page, pdf = page_words(folder), pdf_words(folder)
    page_run, pdf_run = "".join(page), "".join(pdf)
    return (
        [w for w in page if w not in pdf_run],
        [w for w in pdf if w not in page_run and not MARKER.match(w)],
    )
