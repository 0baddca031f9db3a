"""The only way WeasyPrint may read a file: the site's own files (see :mod:`paths`)."""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

from .paths import local_path


class LocalFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves site files from disk and refuses everything else."""

    def __init__(self, mounts: Mapping[str, Path]):
        super().__init__(allowed_protocols=())
        self.mounts = dict(mounts)

    def fetch(self, url, headers=None):
        path = local_path(url, self.mounts)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        headers = {"Content-Type": mime}
        return URLFetcherResponse(url, path.read_bytes(), headers)
