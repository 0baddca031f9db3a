"""Which pages depend on which content file: pure, from two snapshots of the site's state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Owned:
    """The pages a content file is written to, and what it links to."""

    pages: tuple[str, ...]
    """Output paths (``save_as``) of its own pages."""
    theme: str = ""
    """A procedure's theme key."""
    counters: tuple[str, ...] = ()
    """A procedure's counters (slugs)."""
    slug: str = ""
    """A counter's slug."""


@dataclass
class Snapshot:
    """What the site is made of, as far as re-rendering is concerned (source paths absolute)."""

    procedures: dict[str, Owned] = field(default_factory=dict)
    counters: dict[str, Owned] = field(default_factory=dict)
    pages: dict[str, Owned] = field(default_factory=dict)
    theme_pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    counter_pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A counter's own page and its list pages, by slug."""
    written: frozenset[str] = frozenset()
    """Every page the build writes (whether rendered this time or not)."""

    def owned(self) -> set[str]:
        pages: set[str] = set()
        for table in (self.procedures, self.counters, self.pages):
            for item in table.values():
                pages.update(item.pages)
        for group in (self.theme_pages, self.counter_pages):
            for parts in group.values():
                pages.update(parts)
        return pages

    def shared(self) -> set[str]:
        """Pages no single file owns (home, lists, site map, 404…): re-rendered on every edit."""
        return set(self.written) - self.owned()


def _procedure_pages(snapshots: Iterable[Snapshot], path: str) -> set[str]:
    pages: set[str] = set()
    for snap in snapshots:
        item = snap.procedures.get(path)
        if item is None:
            continue
        pages.update(item.pages)
        for other in snapshots:
            pages.update(other.theme_pages.get(item.theme, ()))
            for slug in item.counters:
                pages.update(other.counter_pages.get(slug, ()))
    return pages


def _counter_pages(snapshots: Iterable[Snapshot], path: str) -> set[str]:
    pages: set[str] = set()
    for snap in snapshots:
        item = snap.counters.get(path)
        if item is None:
            continue
        for other in snapshots:
            pages.update(other.counter_pages.get(item.slug, ()))
            for procedure in other.procedures.values():
                if item.slug in procedure.counters:
                    pages.update(procedure.pages)
    return pages


def pages_to_render(changed: Iterable[str], old: Snapshot, new: Snapshot) -> set[str] | None:
    """The pages to render again after ``changed`` (source paths); None: all of them.

    A procedure: its pages, its theme's (old and new), its counters' and the shared pages. A
    counter: its pages, those of every procedure it serves, and the shared pages. A page: itself
    and the shared pages. Anything else (a file removed, an image, the theme): everything.
    """
    snapshots = (old, new)
    pages: set[str] = set()
    for path in changed:
        if path not in {**new.procedures, **new.counters, **new.pages}:
            return None
        pages |= _procedure_pages(snapshots, path)
        pages |= _counter_pages(snapshots, path)
        for snap in snapshots:
            if path in snap.pages:
                pages.update(snap.pages[path].pages)
    return pages | old.shared() | new.shared()


def procedure_pages(snapshot: Snapshot, rendered: Iterable[str]) -> set[str]:
    """Of ``rendered``, the pages of procedures (their PDF comes with the full build)."""
    theirs: set[str] = set()
    for item in snapshot.procedures.values():
        theirs.update(item.pages)
    return theirs & set(rendered)
