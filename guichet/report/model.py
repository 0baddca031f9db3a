"""What the content report found: findings per file, stale procedures, links to other sites."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .readability import Score


@dataclass(frozen=True)
class Finding:
    """One thing to look at in one file, in French."""

    message: str
    line: int | None = None
    """Line in the ``.md`` file (from 1), when known."""
    hint: str = ""
    kind: str = ""
    """``stale``, ``blocking``, ``readability``, ``long_sentence``, ``long_paragraph``,
    ``image_alt``, ``heading``, ``broken_link``, ``no_counter``, ``unused_counter``."""


@dataclass
class FileReport:
    source: str
    """``content/demarches/x.md``."""
    kind: str
    """``procedure`` or ``counter``."""
    title: str
    findings: list[Finding] = field(default_factory=list)
    score: Score | None = None
    verified: date | None = None


@dataclass(frozen=True)
class FlyerNote:
    """A flyer the last build printed on more than one side, or with its free text shortened."""

    source: str
    title: str
    pages: int
    rule: str
    """What the layout rule did, in French (« la fiche est imprimée en recto-verso… »)."""
    why: str
    """The cause, as the build's warning gives it."""
    hint: str


@dataclass
class Report:
    today: date
    stale_months: int
    files: list[FileReport]
    external: dict[str, list[str]]
    """URL of another site → files that link to it (sorted)."""
    stale_soon: list[tuple[FileReport, date]] = field(default_factory=list)
    """Procedures that become stale within ``soon_days`` days, with that day, soonest first.
    Advance notice only: not findings (``--strict`` does not fail on them)."""
    soon_days: int = 30
    flyers: list[FlyerNote] | None = None
    """Flyers on more than one side in the last build (plugins/print/causes.py records them);
    None when no build was made with this cache folder. Advance notice, not findings."""
    flyers_outdated: bool = False
    """A content file changed after that build: the list may be out of date."""

    @property
    def procedures(self) -> list[FileReport]:
        return [f for f in self.files if f.kind == "procedure"]

    @property
    def counters(self) -> list[FileReport]:
        return [f for f in self.files if f.kind == "counter"]

    @property
    def stale(self) -> list[FileReport]:
        """Procedures to review, the oldest check first."""
        found = [f for f in self.procedures if any(x.kind == "stale" for x in f.findings)]
        return sorted(found, key=lambda f: (f.verified or date.min, f.source))

    @property
    def with_findings(self) -> list[FileReport]:
        return [f for f in self.files if f.findings]

    @property
    def finding_count(self) -> int:
        return sum(len(f.findings) for f in self.files)
