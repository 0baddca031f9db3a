"""The Pelican side of the sanitize plugin: the signals it hooks (see ``__init__.py``)."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from pelican import signals
from pelican.contents import Static

from guichet.messages import ContentErrors, warn
from guichet.messages import sanitize as msg

from .diff import removals
from .policy import REMOVED_WITH_CONTENT, sanitize_html
from .report import problems
from .settings import SanitizeSettings

PROBLEMS_KEY = "guichet_sanitize_problems"
"""Context key: the problems found, kept for ``all_generators_finalized`` in SANITIZE_FAIL mode."""


def own_hosts(settings: dict) -> list[str]:
    """Host names of this site: links to them are not marked ``rel="external"``."""
    urls = (settings.get("GUICHET_PUBLIC_URL") or "", settings.get("SITEURL") or "")
    return [host for host in (urlsplit(url).hostname for url in urls) if host]


def _display_path(instance) -> str:
    """``content/pages/x.md``, as staff see it from the project folder."""
    root = os.path.dirname(os.path.abspath(instance.settings["PATH"]))
    return os.path.relpath(instance.source_path, root)


def sanitize_content(instance) -> None:
    if isinstance(instance, Static) or not getattr(instance, "source_path", None):
        return
    settings = instance.settings
    hosts = own_hosts(settings)
    fail = SanitizeSettings.from_pelican(settings).fail
    found = []
    source = _display_path(instance)
    if instance._content:
        before = instance._content
        instance._content = sanitize_html(before, hosts)
        found += problems(
            source, removals(before, instance._content, REMOVED_WITH_CONTENT), error=fail
        )
    summary = instance.metadata.get("summary")
    if isinstance(summary, str) and summary:
        cleaned = sanitize_html(summary, hosts)
        instance.metadata["summary"] = cleaned
        if hasattr(instance, "_summary"):
            instance._summary = cleaned
        found += problems(
            source,
            removals(summary, cleaned, REMOVED_WITH_CONTENT),
            error=fail,
            field=msg.FIELD_SUMMARY,
        )
    if not found:
        return
    if fail and instance._context is None:
        raise ContentErrors(found)
    if fail:
        instance._context.setdefault(PROBLEMS_KEY, []).extend(found)
    else:
        for problem in found:
            warn(problem)


def fail_on_removals(generators) -> None:
    found = generators[0].context.get(PROBLEMS_KEY) if generators else None
    if found:
        raise ContentErrors(found)


def register():
    signals.content_object_init.connect(sanitize_content)
    signals.all_generators_finalized.connect(fail_on_removals)
