"""The Pelican side of the checks plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals

from guichet.messages import ContentErrors
from guichet_plugins.precompress.plugin import scanned_pages

from .budget import SiteChecker
from .memo import ScanMemo
from .settings import budgets_from


def check_output(pelican) -> None:
    settings = pelican.settings
    hosts = {urlsplit(settings.get(k) or "").hostname for k in ("SITEURL", "GUICHET_PUBLIC_URL")}
    label = os.path.relpath(pelican.output_path)
    if label.startswith(os.pardir):
        label = pelican.output_path
    # Pages precompress's child scanned as it compressed them (plugins/precompress/background.py)
    scanned = scanned_pages(pelican)
    memo = ScanMemo(Path(settings["CACHE_PATH"]) / "checks" / "scans.json", scanned)
    checker = SiteChecker(
        Path(pelican.output_path), budgets_from(settings), frozenset(hosts - {None}), label, memo
    )
    problems = checker.check_site()
    memo.save()
    if problems:
        raise ContentErrors(problems)


def register():
    signals.finalized.connect(check_output)
