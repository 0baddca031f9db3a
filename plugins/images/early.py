"""Start decoding images while Pelican is still reading the content.

The image step runs once every page is read (it rewrites every page's ``<img>``), and decoding
camera photos is most of a cold build. So, as each content object is made, the sources its HTML
seems to name are handed to the worker processes at once; the step then only waits for what is
left. What is started here is a guess, never the truth: the step finds, checks and reports
every image itself as before, takes the results it needs (results are keyed on the source's
bytes and the options, so a guess can never give a wrong image) and processes anything missed;
an unneeded guess costs some CPU, nothing else. No Pelican.
"""

from __future__ import annotations

import html as html_text
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .digests import DigestIndex
from .plan import Settings, cache_key
from .sources import Found, resolve
from .store import Cache
from .work import Pool, worker_count

_REFERENCE = re.compile(r"""<(?:img|a)\b[^>]*?\b(?:src|href)\s*=\s*(["'])(.*?)\1""", re.I | re.S)
"""A quick look for the image of a tag: misses and extras are harmless (see above)."""

MANY = 1 << 30
"""Jobs for :func:`worker_count` when their number is not known yet."""


class EarlyStart:
    """Sources noticed while reading, and the worker processes decoding them."""

    def __init__(self, settings: Mapping[str, Any], config: Settings):
        self.config = config
        self.content_root = os.path.abspath(settings["PATH"])
        cache_root = Path(settings["CACHE_PATH"]) / "images"
        self.cache_root = cache_root
        self.digests = DigestIndex(cache_root / "source-digests.json")
        self.cache = Cache(cache_root)
        self.pool = Pool(config.options, worker_count(config.workers, MANY))
        self._seen: set[str] = set()

    def fits(self, settings: Mapping[str, Any], config: Settings) -> bool:
        """Whether this was started for the same site and options (for a build run again in the
        same process, e.g. when Pelican watches the content)."""
        return (
            config == self.config
            and os.path.abspath(settings["PATH"]) == self.content_root
            and Path(settings["CACHE_PATH"]) / "images" == self.cache_root
        )

    def notice(self, html: str, source_path: str) -> None:
        """Start on the images ``html`` (of the page read from ``source_path``) seems to use."""
        if self.pool.count < 2 or "<" not in html:
            return
        page_dir = os.path.dirname(os.path.abspath(source_path))
        for match in _REFERENCE.finditer(html):
            src = html_text.unescape(match.group(2))
            found = resolve(src, page_dir, self.content_root, self.config.source_dir)
            if isinstance(found, Found) and found.path not in self._seen:
                self._seen.add(found.path)
                self._start(found.path)

    def _start(self, path: str) -> None:
        try:
            key = cache_key(self.digests.digest(path), self.config.options)
        except OSError:
            return  # the step names the file and the problem
        if self.cache.get(key) is None:
            self.pool.add(key, path)

    def close(self) -> None:
        self.pool.close()
