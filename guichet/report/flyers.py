"""Flyers the last build printed on more than one side, with their cause.

The report does not build the site: it reads the record the print plugin wrote in the cache
folder at the end of the last build (``print-causes.json``, read by ``print.causes.last_build``).
"""

from __future__ import annotations

from pathlib import Path

from .model import FileReport, FlyerNote


def last_flyers(
    cache_path: str | Path, content_root: Path, files: list[FileReport]
) -> tuple[list[FlyerNote] | None, bool]:
    """The flyers of the procedures still in ``files``, by source; None when no build left a
    record. And whether a content file changed since that build."""
    from guichet_plugins.print.causes import HISTORY_FILE, last_build

    found = last_build(cache_path)
    if found is None:
        return None, False
    titles = {f.source: f.title for f in files if f.kind == "procedure"}
    notes = [
        FlyerNote(f.source, titles[f.source], f.pages, f.rule, f.why, f.hint)
        for f in found
        if f.source in titles
    ]
    built = (Path(cache_path) / HISTORY_FILE).stat().st_mtime
    changed = any(p.stat().st_mtime > built for p in content_root.rglob("*") if p.is_file())
    return notes, changed
