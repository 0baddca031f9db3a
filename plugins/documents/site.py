"""The content folder as the documents plugin sees it, from the settings (no Pelican import):
where documents are, their published address, and each link problem as a French Problem."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from guichet.messages import Problem
from guichet.messages import documents as msg

from .files import describe, kind
from .links import LinkProblem, rewrite_links


@dataclass(frozen=True)
class Site:
    root: str
    """The content folder, absolute."""
    folder: str
    """DOCUMENTS_PATH: ``documents``."""
    images: str
    siteurl: str
    published_folders: frozenset[str]
    """Folders of content/ that Pelican makes pages or copies of (``{filename}`` targets)."""

    @classmethod
    def from_settings(cls, settings: dict) -> Site:
        images = settings.get("IMAGES_SOURCE_DIR", "images")
        folders = [
            *settings.get("PAGE_PATHS", []),
            *settings.get("PROCEDURE_PATHS", []),
            *settings.get("COUNTER_PATHS", []),
            *settings.get("ARTICLE_PATHS", []),
            *settings.get("STATIC_PATHS", []),
            images,
        ]
        return cls(
            os.path.abspath(settings["PATH"]),
            settings.get("DOCUMENTS_PATH", "documents"),
            images,
            settings.get("SITEURL", ""),
            frozenset(folders),
        )

    def size(self, relative: str) -> int | None:
        full = os.path.join(self.root, relative)
        return os.path.getsize(full) if os.path.isfile(full) else None

    def url_of(self, name: str) -> str:
        return f"{self.siteurl}/{self.folder}/{name}"

    def shown(self, path: str) -> str:
        """``content/demarches/x.md``: as staff see it from the project folder."""
        return os.path.relpath(path, os.path.dirname(self.root))

    def rewrite(self, body: str, page_dir: str) -> tuple[str, list[LinkProblem], list[str]]:
        return rewrite_links(
            body,
            page_dir,
            self.root,
            self.folder,
            self.images,
            self.size,
            self.url_of,
            describe,
            lambda relative: kind(relative) is not None,
            lambda relative: relative.split("/", 1)[0] in self.published_folders,
        )

    def known(self) -> str:
        folder = Path(self.root) / self.folder
        names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        return ", ".join(names) or "aucun"

    def problem(self, problem: LinkProblem, where: str, field: str | None = None) -> Problem:
        """A link problem, in French, at ``where`` (``content/x.md:12``)."""
        if problem.kind == "missing":
            message = msg.MISSING.format(target=problem.target, path=f"content/{problem.path}")
            return Problem(where, message, field, msg.MISSING_HINT.format(known=self.known()))
        if problem.kind == "outside":
            message = msg.NOT_IN_DOCUMENTS.format(target=problem.target)
            return Problem(where, message, field, msg.NOT_IN_DOCUMENTS_HINT)
        if problem.kind == "unresolved":
            message = msg.UNRESOLVED.format(target=problem.target, path=f"content/{problem.path}")
            return Problem(where, message, field, msg.UNRESOLVED_HINT)
        message = msg.UNSUPPORTED.format(target=problem.target)
        return Problem(where, message, field, msg.UNSUPPORTED_HINT)
