"""What a flyer shows, and the rule for laying it out when it does not fit on one A4 side.

Pure: no Pelican, no Typst. The rule never drops what a resident needs: the title, the
summary, cost and delay, every document to bring, every step (and every note or sub-heading
between them: « Pour un enfant mineur, apportez aussi… »), and for every counter its name,
postal address, phone, hours and upcoming closures. Only free text (the introduction,
« Qui est concerné », « Bon à savoir » and the procedure's other sections) may be shortened,
and the flyer then says where to read the rest. The plugin lays level 0 out first; while it
does not fit it tries the next level:

0. one side (recto);
1. recto-verso: the front holds the counters and the documents, « Suite au verso » at its foot,
   the back the steps and the free text;
2. the same, free text cut to its first sentence, « suite sur <adresse> »;
3. the same, free text left out, « à lire sur <adresse> »;
4. dense: smaller type, counters and documents still on the front, free text left out;
5. dense, flowing: the whole flyer over the two sides, front first, « Suite au verso » at the
   foot of the front, free text in full (the back of level 4 may have room to spare);
6. the same, free text cut to its first sentence;
7. the same, free text left out (still nothing required cut).

A level whose flyer is the same as the previous one's (no free text to cut) is skipped, and
levels 5 to 7 are laid out only for flyers that level 4 does not fit.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from guichet import html5

LAYOUTS = (
    "recto",
    "recto-verso",
    "recto-verso",
    "recto-verso",
    "dense",
    "dense-flow",
    "dense-flow",
    "dense-flow",
)
"""The layout of each level (the template's class on ``<body>``)."""

LEVELS = len(LAYOUTS)

PAGES = (1, 2, 2, 2, 2, 2, 2, 2)
"""Pages each level may take: never more than one sheet."""

FULL, SENTENCE, LEFT_OUT = "full", "sentence", "left out"
FREE_TEXT_AT = (FULL, FULL, SENTENCE, LEFT_OUT, LEFT_OUT, FULL, SENTENCE, LEFT_OUT)
"""What each level prints of the free text: all of it, its first sentence, or only where to
read it."""

_FLOW = "la fiche est imprimée en recto-verso en petits caractères d'un bout à l'autre"
RULES = (
    "",
    "la fiche est imprimée en recto-verso (rien n'est retiré)",
    "la fiche est imprimée en recto-verso, et le texte libre (« {parts} ») réduit à sa première "
    "phrase, avec l'adresse où lire la suite",
    "la fiche est imprimée en recto-verso, sans le texte libre (« {parts} »), avec l'adresse où "
    "le lire",
    "la fiche est imprimée en recto-verso en petits caractères, sans le texte libre (« {parts} »), "
    "avec l'adresse où le lire",
    f"{_FLOW} (rien n'est retiré)",
    f"{_FLOW}, et le texte libre (« {{parts}} ») réduit à sa première phrase, avec l'adresse où "
    "lire la suite",
    f"{_FLOW}, sans le texte libre (« {{parts}} »), avec l'adresse où le lire",
)
"""What each level does, in French, for the build warning."""

UNCUT_RULES = {
    2: RULES[1],
    3: RULES[1],
    4: "la fiche est imprimée en recto-verso en petits caractères (rien n'est retiré)",
    6: RULES[5],
    7: RULES[5],
}
"""What a level that may cut free text does when the flyer had none to cut."""

FREE_TEXT = {
    "intro": "Introduction",
    "who": "Qui est concerné",
    "good_to_know": "Bon à savoir",
}
"""The French names of the free-text parts every procedure may have (the others are named by
their heading, keys ``other:<heading>``)."""

ITEM, NOTE, HEADING = "item", "note", "heading"
"""The kinds of entries of « Pièces à fournir » and « Étapes »."""

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý0-9«])")
"""Where a sentence of free text ends, for cutting it to its first (the flyer, and the printed
procedure page: plugins/procedures/paper.py)."""
_PHOTO_HOLDERS = frozenset({"p", "figure", "picture", "div"})
"""Elements left out with the photos when they held nothing else."""
_ASCII_SPACE = " \t\n\r\f"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"-comment", "script", "style", "template"}
_INLINE = {
    "a", "abbr", "b", "br", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
}  # fmt: skip
"""Inline elements: loose at the top of a section (raw HTML), they make one note with the text
around them."""


@dataclass(frozen=True)
class Entry:
    """One block of « Pièces à fournir » or « Étapes », in the order written: an item (a
    document to bring, with its box; a step, with its number; a sub-list stays inside it), or
    what stands between items: a note (« Pour un enfant mineur, apportez aussi… ») or a
    sub-heading (« Si vous êtes né à l'étranger »). All are required: never cut."""

    kind: str
    """ITEM, NOTE or HEADING."""
    html: str
    """An item's or a heading's content, a note's whole block (``<p>…</p>``): sanitised HTML,
    link targets written out."""
    number: int | None = None
    """A step's number, counted over the items only (a note between two steps does not stop
    the count); None for documents, notes and headings."""


@dataclass(frozen=True)
class FreeText:
    """A part of a flyer that may be shortened: the introduction, « Qui est concerné »,
    « Bon à savoir » or another section (« Tarifs », « Recours »)."""

    key: str
    """``intro``, ``who``, ``good_to_know`` or ``other:<heading>``: its part in the layout
    (measured for the warnings) and in ``cut``."""
    label: str
    """Its name in French, plain text (the warnings, « « Tarifs » : à lire sur … »)."""
    heading: str
    """The heading printed above it (HTML); "" for the introduction, which has none."""
    html: str | None
    """What is printed of it (HTML): all, its first sentence, or None when left out."""


@dataclass(frozen=True)
class Source:
    """What a procedure's flyer may print, ready for paper (photos out, link targets written
    out): made once per procedure, then cut to each level (:func:`make_flyer`)."""

    documents: tuple[Entry, ...]
    steps: tuple[Entry, ...]
    lead: tuple[FreeText, ...]
    """The introduction and « Qui est concerné »: under the summary on a one-side flyer."""
    more: tuple[FreeText, ...]
    """« Bon à savoir », then the other sections in their order: after the steps."""


def rule_text(level: int, labels: Sequence[str]) -> str:
    """What the rule did at ``level``, in French, naming the free-text parts it cut."""
    if not labels and level in UNCUT_RULES:
        return UNCUT_RULES[level]
    return RULES[level].format(parts=" », « ".join(labels))


@dataclass(frozen=True)
class Flyer:
    """The content of one flyer at one level of the rule (HTML fragments, already sanitised)."""

    level: int
    documents: tuple[Entry, ...]
    steps: tuple[Entry, ...]
    lead: tuple[FreeText, ...]
    more: tuple[FreeText, ...]
    cut: tuple[str, ...]
    """Keys of the free-text parts shortened or left out."""

    @property
    def layout(self) -> str:
        return LAYOUTS[self.level]

    @property
    def recto_verso(self) -> bool:
        return self.level > 0

    @property
    def abridged(self) -> bool:
        return bool(self.cut)

    @property
    def free(self) -> tuple[FreeText, ...]:
        return (*self.lead, *self.more)

    @property
    def rule(self) -> str:
        """What the rule did to this flyer, in French ("" at level 0)."""
        return rule_text(self.level, [f.label for f in self.free if f.key in self.cut])


def first_sentence(html: str) -> str:
    """The first sentence of an HTML fragment, cut only in text that no tag holds.

    Read with an HTML5 parser: a full stop inside an attribute or a link is never a place to
    cut; what is kept is re-serialised, so it is always well-formed.
    """
    body = LexborHTMLParser(f"<body>{html}</body>").body
    if body is None:
        return html
    head = []
    for node in body.iter(include_text=True):
        if node.tag != "-text":
            head.append(node.html or "")
            continue
        text = node.text_content or ""
        match = SENTENCE_END.search(text)
        if match:
            head.append(html_lib.escape(text[: match.start()], quote=False))
            return "".join(head).strip()
        head.append(html_lib.escape(text, quote=False))
    return html


def first_paragraph_sentence(html: str) -> str:
    """Free text cut short: the first sentence of its first paragraph, as a paragraph."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    first = body.css_first("p") if body is not None else None
    inner = (first.inner_html or "") if first is not None else html
    return f"<p>{first_sentence(inner)}</p>"


def without_images(html: str) -> str:
    """A flyer is text only (light on toner): photos are left out, with what only held them
    (``<p>``, ``<figure>``, ``<picture>``, ``<div>``: a caption or a link stays)."""
    lowered = html.lower()
    if "<img" not in lowered and "<source" not in lowered:  # no photo: nothing to parse
        return html.strip()
    body = html5.fragment(html)
    for image in body.css("img, source"):
        holder = image.parent
        image.decompose()
        while holder is not None and holder.tag in _PHOTO_HOLDERS and _holds_nothing(holder):
            holder, emptied = holder.parent, holder
            emptied.decompose()
    return (body.inner_html or "").strip()


def _holds_nothing(node: LexborNode) -> bool:
    """No element inside, and no text but spaces."""
    if any(child.is_element_node for child in node.iter()):
        return False
    return not (node.text() or "").strip(_ASCII_SPACE)


def printed_target(href: str, public_url: str, page: str = "") -> str | None:
    """The address a link leads to, as printed on paper; None for an in-page anchor.

    A page of the site: its short form (``www.ville.fr/documents/formulaire.pdf``); another
    site: in full (``https://…``); ``mailto:``/``tel:``: the address or number alone. ``page``
    is the path of the page the link is on (``demarches/x/``), for relative links.
    """
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    scheme = urlsplit(href).scheme.lower()
    if scheme in {"mailto", "tel"}:
        return href.split(":", 1)[1].split("?", 1)[0]
    public = public_url.rstrip("/") + "/"
    absolute = urljoin(public + page.lstrip("/"), href)
    if absolute.startswith(public):
        return web_address(public_url, absolute[len(public) :])
    return absolute


def with_link_targets(html: str, public_url: str, page: str = "") -> str:
    """``html`` with each link's target written after it, for paper: « formulaire
    (www.ville.fr/documents/f.pdf) ». A link whose text already is its address is left alone."""
    if "<a" not in html:
        return html
    tree = LexborHTMLParser(f"<body>{html}</body>")
    if not _add_link_targets(tree.body, public_url, page):
        return html
    return tree.body.inner_html.strip()


def _add_link_targets(root, public_url: str, page: str) -> bool:
    """Write each link's target after it, in the parsed ``root`` (see
    :func:`with_link_targets`); whether anything was added."""
    changed = False
    for link in root.css("a[href]"):
        target = printed_target(link.attributes.get("href") or "", public_url, page)
        text = re.sub(r"\s+", "", link.text() or "")
        if not target or re.sub(r"^[a-z]+://", "", target) in text:
            continue
        span = LexborHTMLParser(f'<span class="link-target">({html_lib.escape(target)})</span>')
        link.insert_after(span.css_first("span"))
        link.insert_after(" ")
        changed = True
    return changed


def _children(node) -> Iterable:
    child = node.child
    while child is not None:
        if child.tag not in _SKIPPED:
            yield child
        child = child.next


def _has_text(node) -> bool:
    return bool((node.text(deep=True) or "").strip())


def entries(
    html: str | None, numbered: bool, public_url: str = "https://localhost/", page: str = ""
) -> tuple[Entry, ...]:
    """Every block of a list section (« Pièces à fournir », « Étapes »), in order, ready for
    paper: each top-level item, and each paragraph, sub-heading or other block between the
    lists; ``numbered``: the items are steps, numbered on across notes. One parse of the
    section (photos are left out first, links get their target written after them)."""
    if not html:
        return ()
    body = LexborHTMLParser(f"<body>{without_images(html)}</body>").body
    if body is None:
        return ()
    _add_link_targets(body, public_url, page)
    found: list[Entry] = []
    loose: list[str] = []
    count = 0

    def flush() -> None:
        text = "".join(loose).strip()
        if text:
            found.append(Entry(NOTE, f"<p>{text}</p>"))
        loose.clear()

    for child in _children(body):
        tag = child.tag
        if tag in {"ul", "ol"}:
            flush()
            for li in _children(child):
                if li.tag != "li" or not _has_text(li):
                    continue
                count += 1
                number = count if numbered else None
                found.append(Entry(ITEM, (li.inner_html or "").strip(), number))
        elif tag in _HEADINGS:
            flush()
            if _has_text(child):
                found.append(Entry(HEADING, (child.inner_html or "").strip()))
        elif tag == "-text" or tag in _INLINE:
            loose.append(child.html or "")
        else:
            flush()
            if _has_text(child):
                found.append(Entry(NOTE, (child.html or "").strip()))
    flush()
    return tuple(found)


def clean_free_text(fragment: str | None, public_url: str, page: str = "") -> str | None:
    """Free text ready for paper (photos out, link targets written out); None when nothing is
    left."""
    if not fragment:
        return None
    return with_link_targets(without_images(fragment), public_url, page) or None


@lru_cache(maxsize=1 << 14)
def _shortened(html: str) -> str:
    return first_paragraph_sentence(html)


def make_flyer(level: int, source: Source) -> Flyer:
    """The flyer's content at ``level`` of the rule (see the module's docstring)."""
    if not 0 <= level < LEVELS:
        raise ValueError(f"level {level} outside 0..{LEVELS - 1}")
    cut: list[str] = []

    def at_level(part: FreeText) -> FreeText:
        if part.html is None or FREE_TEXT_AT[level] == FULL:
            return part
        shorter = _shortened(part.html) if FREE_TEXT_AT[level] == SENTENCE else None
        if shorter == part.html:
            return part
        cut.append(part.key)
        return FreeText(part.key, part.label, part.heading, shorter)

    lead = tuple(at_level(part) for part in source.lead)
    more = tuple(at_level(part) for part in source.more)
    return Flyer(level, source.documents, source.steps, lead, more, tuple(cut))


def web_address(public_url: str, path: str) -> str:
    """The online page as residents type it: ``www.example.fr/demarches/x/`` (no scheme)."""
    host = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", public_url.strip()).rstrip("/")
    return f"{host}/{path.lstrip('/')}"


@dataclass(frozen=True)
class Fitted:
    """A flyer laid out at the first level of the rule that fits on one sheet."""

    level: int
    pages: int
    """1 or 2, unless even the last level does not fit in two (the build then says so)."""
    overflow_mm: float
    """Overflow of the one-side flyer (level 0) past one page; 0 when it fits on one side."""
    pdf: bytes
    parts_mm: dict[str, float]
    """Height of each part of the one-side flyer (``documents``, ``counter:mairie``…), in mm:
    what made it long, for the build warning."""
