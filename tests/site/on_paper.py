"""A procedure page on paper: printed by Chromium (Ctrl+P) or WeasyPrint, then checked as a
secretary would read the sheet (``pdftotext``): at most two A4 pages, none holding only the
page's foot; every document, step, and for each counter its phone, postal code, open days,
hours and upcoming closures, as on the flyer; the page's own address; the links' targets, in
short for the site's own pages; free text cut as the flyer's (shared by
tests/site/test_flyer_pages.py and test_hard_flyers.py)."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tests.browsing import ORIGIN, serve
from tests.conftest import BUILD_DATE_EPOCH
from tests.print.helpers import is_a4, list_texts, meta, pdf_reader

MARGIN = {side: "0.4in" for side in ("top", "right", "bottom", "left")}
HOST = "www.val-daurore.fr"
"""The sample town's address (content/commune.md) as printed: no scheme."""


def print_procedure_in_chromium(browser, site, slug: str) -> bytes:
    page = browser.new_page()
    serve(page, site)
    try:
        assert page.goto(f"{ORIGIN}/demarches/{slug}/").ok
        page.emulate_media(media="print")
        return page.pdf(format="A4", margin=MARGIN, print_background=False)
    finally:
        page.close()


def print_procedure_in_weasyprint(site, slug: str) -> bytes:
    from tests.print.weasy import print_page

    html = (site / "demarches" / slug / "index.html").read_text(encoding="utf-8")
    base = f"{ORIGIN}/demarches/{slug}/"
    return print_page(html, base, {f"{ORIGIN}/": site})


def pdftotext(pdf: bytes | Path, *options: str) -> str:
    """What ``pdftotext`` reads from ``pdf`` (poppler): the text a secretary could copy."""
    data = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    command = ["pdftotext", *options, "-", "-"]
    return subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode()


def pages_text(pdf: bytes | Path) -> list[str]:
    """The text of each page, in the order it is drawn (``-raw``: pdftotext would otherwise
    drop the hyphen of « service-public » where a line ends at it). Each ends with a form feed."""
    return pdftotext(pdf, "-raw").split("\f")[:-1]


def folded(text: str) -> str:
    """Spaces, list bullets and tick boxes out (the box's « ☐ », clipped, is still text in the
    PDF, anywhere in its line), lower case: a long word or address may wrap anywhere."""
    return re.sub(r"[\s•◦▪☐\u00ad]+", "", text).lower()


EDGE = 8 / 25.4 * 72
"""8 mm in points: the sheets' margins are 10 mm (Chromium) to 12 mm (WeasyPrint), and a browser
clips what runs into them; a glyph nearer an edge than this left its column or its page (the
top of the next page's first letter, painted by Chromium below the last line of a page)."""


def glyphs_outside(pdf: bytes | Path) -> list[str]:
    """Words of ``pdf`` whose box is not inside its page, or runs into its margins
    (``pdftotext -bbox``)."""
    html = pdftotext(pdf, "-bbox")
    outside = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for word in re.finditer(
            r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)',
            page.group(3),
        ):
            x0, y0, x1, y1 = (float(word.group(n)) for n in range(1, 5))
            if x0 < EDGE or y0 < EDGE or x1 > width - EDGE or y1 > height - EDGE:
                outside.append(word.group(5))
    return outside


DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def counter_lines(source: Path) -> tuple[list[str], list[str]]:
    """What a resident needs from a counter, as printed: phone, postal code, each open day's
    hours, each upcoming closure's reason; and its open days (named one by one or as a range:
    :func:`days_named`)."""
    from guichet_plugins.procedures.hours import parse_hours
    from guichet_plugins.procedures.phone import parse_phone

    text = source.read_text(encoding="utf-8")
    fields = meta(source)
    needed = [parse_phone(fields["telephone"]).display]
    needed.append(re.search(r"^\s+(\d{5}) ", text, re.M).group(1))
    hours = re.search(r"^Horaires: (.*(?:\n    .*)*)", text, re.M).group(1).split("\n")
    days = []
    for day in parse_hours([line.strip() for line in hours]).open_days:
        days.append(day.day)
        needed.extend(r.text for r in day.ranges)
    built_on = datetime.fromtimestamp(int(BUILD_DATE_EPOCH), UTC).date()
    closures = text.split("Fermetures:", 1)[-1].split("\nAcces:", 1)[0]
    for day, month, year, reason in re.findall(r"(\d\d)/(\d\d)/(\d{4}) : ([^\n.]+)", closures):
        if date(int(year), int(month), int(day)) >= built_on:  # upcoming: printed
            needed.append(reason.strip())
    return needed, days


def days_named(text: str) -> set[str]:
    """The days a printed text names, by name or within « du lundi au vendredi »."""
    lower = text.lower()
    named = {day for day in DAYS if day in lower}
    for first, last in re.findall(r"du (\w+) au (\w+)", lower):
        if first in DAYS and last in DAYS:
            named.update(DAYS[DAYS.index(first) : DAYS.index(last) + 1])
    return named


def printed_target(href: str) -> str:
    """A link's target as paper prints it: a page of the site in short form, others in full."""
    return f"{HOST}{href}" if href.startswith("/") else href


def printed_items(source: Path, heading: str) -> list[str]:
    """Every block of a « ## heading » list section of a procedure file as paper prints it
    (each item, and each note or sub-heading between them; :func:`list_texts`): plain text,
    each link followed by its target in brackets (unless its text already is its address)."""
    import markdown

    from guichet.lists import normalise_lists

    body = source.read_text(encoding="utf-8").split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    lines, _ = normalise_lists(body.split("\n"))
    html = markdown.markdown("\n".join(lines), extensions=["extra", "sane_lists"])
    tree = LexborHTMLParser(f"<body>{html}</body>")
    for link in tree.css("a[href]"):
        href = link.attributes["href"]
        if href.startswith(("/", "http")) and printed_target(href) not in link.text():
            link.insert_after(f" ({printed_target(href)})")
    items = []
    for block in tree.body.iter():
        parts = block.iter() if block.tag in {"ul", "ol"} else [block]
        items += [part.text() for part in parts if part.tag in {"li", block.tag}]
    items = [item for item in items if item.strip()]
    assert len(items) == len(list_texts(source, heading))
    return items


def check_everything_is_printed(text: str, content: Path, slug: str) -> None:
    """Every document, step and counter line of ``slug``, and its web address, in ``text``."""
    source = content / "demarches" / f"{slug}.md"
    printed = folded(text)
    for heading in ("Pièces à fournir", "Étapes"):
        for item in printed_items(source, heading):
            assert folded(item) in printed, (slug, heading, item)
    for counter in meta(source)["guichets"].split(","):
        needed, days = counter_lines(content / "guichets" / f"{counter.strip()}.md")
        for line in needed:
            assert folded(line) in printed, (slug, counter, line)
        assert set(days) <= days_named(text), (slug, counter, days)
    assert f"{HOST}/demarches/{slug}/" in text


def foot_lines(page, slug: str) -> list[str]:
    """What may end a printed page whatever it holds: the lines of the site's footer (its
    paragraphs; the links' list is not printed), the page's address, « Vérifié le », the
    national source."""
    lines = []
    for paragraph in page.css(".site-footer p"):
        for line in re.split(r"<br\s*/?>", paragraph.inner_html or ""):
            lines.append(LexborHTMLParser(f"<body>{line}</body>").body.text())
    web = f"{HOST}/demarches/{slug}/"
    lines += [f"Texte abrégé pour tenir sur une feuille. Démarche complète en ligne : {web}"]
    lines += [f"En ligne : {web}"]
    lines += [node.text() for node in page.css("main .verified, main .source")]
    return [folded(line) for line in lines if line.strip()]


def beyond_the_foot(text: str, foot: list[str]) -> str:
    """``text`` (folded) without the foot's lines: what a page holds of the procedure itself."""
    rest = folded(text)
    for line in foot:
        rest = rest.replace(line, "", 1)
    return rest


def _hidden_on_paper(node) -> bool:
    """Inside what the print stylesheets leave out: cut free text, counter names (printed with
    their counter), the screen's own links."""
    while node is not None and node.tag != "main":
        classes = (node.attributes.get("class") or "").split()
        if {"print-rest", "print-links"} & set(classes) or node.tag == "h4":
            return True
        parent = node.parent
        cut = parent is not None and "print-cut" in (parent.attributes.get("class") or "").split()
        if cut and "print-keep" not in classes:
            return True
        node = parent
    return False


def printed_links(page) -> list[tuple[str, str]]:
    """(link text, target as printed) for each link a page prints with its target: a page of
    the site in short form, another site in full."""
    links = []
    for link in page.css("main a[href]"):
        href = link.attributes.get("href") or ""
        if _hidden_on_paper(link) or not href.startswith(("/", "http")):
            continue
        links.append((link.text(), printed_target(href)))
    return links


def check_procedure_on_paper(pdf: bytes, source: Path, content: Path, site: Path) -> None:
    """``pdf``, the procedure page of ``source`` printed, keeps issue 13's promise."""
    slug = source.stem
    reader = pdf_reader(pdf)
    assert 1 <= len(reader.pages) <= 2, (slug, len(reader.pages))
    assert all(is_a4(reader, n, tolerance=3) for n in range(len(reader.pages)))
    page = LexborHTMLParser((site / "demarches" / slug / "index.html").read_text("utf-8"))
    texts = pages_text(pdf)
    foot = foot_lines(page, slug)
    holding = [len(beyond_the_foot(t, foot)) for t in texts]  # none holds only the foot
    assert min(holding) > 40, (slug, holding, texts[-1])
    text = "\n".join(texts)
    check_everything_is_printed(text, content, slug)
    printed = folded(text)
    assert "(/" not in printed, slug  # a path is no address on paper
    for words, target in printed_links(page):
        assert folded(f"{words} ({target})") in printed, (slug, words, target)
    for cut in page.css(".print-cut"):
        assert folded(cut.attributes["data-more"]) in printed, slug
        for rest in cut.css(".print-rest"):
            assert folded(rest.text()) not in printed, (slug, rest.text())
    assert glyphs_outside(pdf) == [], slug
