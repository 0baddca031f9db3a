"""Start decoding images before Pelican reads the content.

The image step runs once every page is read (it rewrites every page's ``<img>``), and decoding
camera photos is most of a cold build. So, as the build starts, the content's text files are
skimmed for image references and the sources they name are handed to the worker processes;
Pelican reads the pages meanwhile and the step only waits for what is left. What is started
here is a guess, never the truth: the step finds, checks and reports every image itself as
before, takes the results it needs (results are keyed on the source's bytes and the options, so
a guess can never give a wrong image) and processes anything missed; an unneeded guess costs
some CPU, nothing else. No Pelican.
"""

from __future__ import annotations

import html as html_text
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from guichet.workers import worker_count

from .digests import DigestIndex
from .plan import Settings, cache_key
from .sources import Found, resolve
from .store import Cache
from .work import Pool

_REFERENCE = re.compile(
    r"""(?:\]\(\s*<?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?|\b(?:src|href)\s*=\s*["']?|image::[ \t]*)"""
    r"""([^\s"'<>()]+)""",
    re.I | re.M,
)
"""A quick look for link targets in Markdown (``![a](x)``, ``[a]: x``), HTML (``src=``,
``href=``) and reStructuredText (``image::``): misses and extras are harmless (see above)."""

TEXT_FILES = (".md", ".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst")

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
        self.context: object = None
        """The build's shared context (which build this was started for)."""

    def fits(self, settings: Mapping[str, Any], config: Settings) -> bool:
        """Whether this was started for the same site and options (for a build run again in the
        same process, e.g. when Pelican watches the content)."""
        return (
            config == self.config
            and os.path.abspath(settings["PATH"]) == self.content_root
            and Path(settings["CACHE_PATH"]) / "images" == self.cache_root
        )

    def scan(self) -> None:
        """Start on every image the content's text files seem to use (1,000 pages: a few
        hundredths of a second, plus hashing the images not seen before)."""
        if self.pool.count < 2:
            return
        for folder, children, files in os.walk(self.content_root):
            children.sort()
            for name in sorted(files):
                if name.lower().endswith(TEXT_FILES):
                    path = os.path.join(folder, name)
                    try:
                        with open(path, encoding="utf-8", errors="replace") as file:
                            text = file.read()
                    except OSError:
                        continue
                    self.notice(text, path)

    def notice(self, text: str, source_path: str) -> None:
        """Start on the images ``text`` (of the file ``source_path``) seems to use."""
        if self.pool.count < 2:
            return
        page_dir = os.path.dirname(os.path.abspath(source_path))
        for match in _REFERENCE.finditer(text):
            src = html_text.unescape(match.group(1))
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
