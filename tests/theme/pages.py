"""The pages of a built site, as files and as the URL paths nginx serves them at."""

from __future__ import annotations

from pathlib import Path


def html_files(site: Path) -> list[Path]:
    """Every HTML page of the site, in a stable order."""
    return sorted(site.rglob("*.html"))


def url_path(site: Path, page: Path) -> str:
    """``demarches/x/index.html`` → ``/demarches/x/``; ``404.html`` → ``/404.html``."""
    relative = page.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def is_flyer(page: Path) -> bool:
    """Printable flyers (``/demarches/<slug>/fiche/``) are laid out for A4 by the print helper."""
    return page.parent.name == "fiche"
