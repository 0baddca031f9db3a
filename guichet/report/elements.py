"""Images, headings and links of a rendered HTML body (pure, standard library parser)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from guichet.decorative import is_decorative

_MEANINGLESS_ALT = re.compile(
    r"^(?:image|images|photo|photos|img|illustration|picture|figure|logo|visuel|dessin|"
    r"capture(?: d'écran)?|sans titre|untitled|alt|texte alternatif)?[\s_\-.#]*\d*$",
    re.IGNORECASE,
)
_FILENAME_ALT = re.compile(r"^[\w\-. ]+\.(?:jpe?g|png|gif|webp|svg|avif|tiff?|heic)$", re.I)


@dataclass(frozen=True)
class Image:
    src: str
    alt: str | None
    """None when the attribute is missing."""
    decorative: bool


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Elements:
    images: tuple[Image, ...]
    headings: tuple[Heading, ...]
    links: tuple[tuple[str, str], ...]
    """(href, link text)."""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[Image] = []
        self.headings: list[Heading] = []
        self.links: list[tuple[str, str]] = []
        self._heading: tuple[int, list[str]] | None = None
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            # decorative: ``![](images/frise.png "décoratif")``, as the build (images plugin)
            self.images.append(
                Image(
                    attributes.get("src") or "",
                    attributes.get("alt"),
                    is_decorative(attributes.get("title")),
                )
            )
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])
        elif tag == "a" and attributes.get("href") is not None:
            self._link = (attributes["href"], [])

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._heading:
            level, parts = self._heading
            self.headings.append(Heading(level, " ".join("".join(parts).split())))
            self._heading = None
        elif tag == "a" and self._link:
            href, parts = self._link
            self.links.append((href, " ".join("".join(parts).split())))
            self._link = None

    def handle_data(self, data):
        for current in (self._heading, self._link):
            if current:
                current[1].append(data)


def collect(html: str) -> Elements:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return Elements(tuple(parser.images), tuple(parser.headings), tuple(parser.links))


def alt_problem(image: Image) -> str | None:
    """Why this image's alt text does not help a blind resident, or None when it does."""
    if image.decorative:  # the build publishes alt="" whatever was written
        return None
    if image.alt is None:
        return "missing"
    alt = image.alt.strip()
    if not alt:
        return None if image.decorative else "empty"
    if _MEANINGLESS_ALT.match(alt) or _FILENAME_ALT.match(alt) or len(alt) < 4:
        return "meaningless"
    return None


def heading_problems(
    headings: tuple[Heading, ...], first_level: int = 2
) -> list[tuple[Heading, int]]:
    """Headings that skip a level: (heading, the deepest level allowed there).

    The page title is the ``<h1>``; the body starts at ``<h2>`` and goes down one level at a
    time (``##`` then ``###``), never from ``##`` to ``####``, never a second ``#``.
    """
    problems = []
    allowed = first_level
    for heading in headings:
        if heading.level > allowed or heading.level < first_level:
            problems.append((heading, allowed))
        allowed = max(heading.level, first_level) + 1
    return problems
