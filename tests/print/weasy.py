"""WeasyPrint, for tests only: print an HTML page of the built site as a second browser would
(the procedure pages' print stylesheet must give at most two A4 pages in Chromium and in
WeasyPrint). Reads only the site's own files: every other URL is refused, no network.
The flyer PDFs themselves are made by Typst (plugins/print/render.py)."""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}


class RefusedURL(ValueError):
    """WeasyPrint asked for something outside the site's own files."""


def local_path(url: str, mounts: Mapping[str, Path]) -> Path:
    """The file a site URL stands for; raise RefusedURL for anything outside the mounts.

    ``mounts`` maps URL prefixes ending with ``/`` (``https://www.example.fr/theme/``) to folders;
    the longest matching prefix wins.
    """
    parts = urlsplit(url)
    clean = parts._replace(query="", fragment="").geturl()
    for prefix in sorted(mounts, key=len, reverse=True):
        if clean.startswith(prefix):
            root = mounts[prefix].resolve()
            target = (root / unquote(clean[len(prefix) :])).resolve()
            if target.is_relative_to(root) and target.is_file():
                return target
            raise RefusedURL(f"{url}: no such file under {root}")
    raise RefusedURL(f"{url}: not a file of this site (network access is disabled)")


class LocalFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves site files from disk and refuses everything else."""

    def __init__(self, mounts: Mapping[str, Path]):
        super().__init__(allowed_protocols=())
        self.mounts = dict(mounts)

    def fetch(self, url, headers=None):
        path = local_path(url, self.mounts)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})


def layout(html: str, base_url: str, mounts: Mapping[str, Path]):
    """``html`` laid out for print by WeasyPrint, reading only the site's own files."""
    source = HTML(string=html, base_url=base_url, url_fetcher=LocalFetcher(mounts))
    return source.render(**PDF_OPTIONS)


def print_page(html: str, base_url: str, mounts: Mapping[str, Path]) -> bytes:
    return layout(html, base_url, mounts).write_pdf(**PDF_OPTIONS)
