"""What a built site weighs: files, bytes, and the gzip first view of each HTML page.

Pure: standard library only. The first view of a page is its HTML plus the same-site stylesheets
it links (and their same-site ``@import``s), each counted at the size of its precompressed
``.gz`` sibling when the build wrote one (what nginx's ``gzip_static`` serves), else gzipped at
level 6 as nginx would. Images are left out (the design's 14 KB budget is "images aside"). A
stylesheet linked but missing counts 0 and is listed. (Pelican's "simple" theme links none.)
"""

from __future__ import annotations

import gzip
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""", re.I)


@dataclass
class SiteStats:
    files: int
    bytes: int
    html_pages: int
    first_view_median: int
    """Bytes, gzip, HTML + CSS, median over every HTML page."""
    first_view_max: int
    first_view_max_page: str
    procedure_first_view_median: int
    """Median over the procedure pages only (``demarches/<slug>/index.html`` or the articles)."""
    missing_css: list[str] = field(default_factory=list)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def served_size(path: Path, data: bytes) -> int:
    """Bytes sent to a browser accepting gzip: the ``.gz`` beside the file, or gzip -6."""
    precompressed = path.with_name(path.name + ".gz")
    if precompressed.is_file():
        return precompressed.stat().st_size
    return gzip_size(data)


def stylesheets(html: str) -> list[str]:
    """``href`` of every ``<link rel=stylesheet>``, in order."""
    found = []
    for tag in _LINK.findall(html):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag)}
        if "stylesheet" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            found.append(attrs["href"])
    return found


def local_file(root: Path, page: Path, href: str) -> Path | None:
    """The output file a same-site URL points to, or None for another host."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    page_url = "/" + page.relative_to(root).as_posix()
    path = urlsplit(urljoin(page_url, href)).path
    return root / path.lstrip("/")


class _CssWeights:
    def __init__(self, root: Path):
        self.root = root
        self.cache: dict[Path, int] = {}
        self.missing: set[str] = set()

    def weight(self, css: Path, seen: frozenset[Path] = frozenset()) -> int:
        if css in seen:
            return 0
        if css not in self.cache:
            if not css.is_file():
                self.missing.add(css.relative_to(self.root).as_posix())
                return 0
            data = css.read_bytes()
            total = served_size(css, data)
            for href in _IMPORT.findall(data.decode("utf-8", "replace")):
                target = local_file(self.root, css, href)
                if target is not None:
                    total += self.weight(target, seen | {css})
            self.cache[css] = total
        return self.cache[css]


def site_stats(root: Path, procedure_pages: re.Pattern[str]) -> SiteStats:
    """Stats of the output folder ``root``; ``procedure_pages`` matches their relative paths."""
    root = Path(root)
    files = [p for p in root.rglob("*") if p.is_file()]
    css = _CssWeights(root)
    views: dict[str, int] = {}
    for page in sorted(p for p in files if p.suffix == ".html"):
        data = page.read_bytes()
        weight = served_size(page, data)
        for href in dict.fromkeys(stylesheets(data.decode("utf-8", "replace"))):
            target = local_file(root, page, href)
            if target is not None:
                weight += css.weight(target)
        views[page.relative_to(root).as_posix()] = weight
    procedure_views = [w for path, w in views.items() if procedure_pages.fullmatch(path)]
    heaviest = max(views, key=views.get) if views else ""
    return SiteStats(
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        html_pages=len(views),
        first_view_median=int(statistics.median(views.values())) if views else 0,
        first_view_max=views.get(heaviest, 0),
        first_view_max_page=heaviest,
        procedure_first_view_median=(
            int(statistics.median(procedure_views)) if procedure_views else 0
        ),
        missing_css=sorted(css.missing),
    )
