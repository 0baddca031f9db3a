"""What a built site weighs: files, bytes, and the first view of each HTML page.

The first view is the build's own rule (``SiteChecker.first_view`` in plugins/checks/budget.py):
a page's HTML plus the same-site stylesheets it links (and their ``@import``s), each counted at
the size of its precompressed ``.gz`` sibling when the build wrote one (what nginx's
``gzip_static`` serves), else gzip -9. Images are left out (the design's 14 KB budget is "images
aside"). A stylesheet linked but missing counts 0 and is listed. (Pelican's "simple" theme
links none.)
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from guichet_plugins.checks.budget import Budgets, SiteChecker


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


def site_stats(root: Path, procedure_pages: re.Pattern[str]) -> SiteStats:
    """Stats of the output folder ``root``; ``procedure_pages`` matches their relative paths."""
    root = Path(root)
    files = [p for p in root.rglob("*") if p.is_file()]
    checker = SiteChecker(root, Budgets(), frozenset(), "output")
    views: dict[str, int] = {}
    missing: set[str] = set()
    for page in sorted(p for p in files if p.suffix == ".html"):
        view = checker.first_view(page)
        views[page.relative_to(root).as_posix()] = view.total
        missing.update(path.lstrip("/") for path in view.missing)
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
        missing_css=sorted(missing),
    )
