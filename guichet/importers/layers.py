"""A content file as two layers: what an import writes, and what the town adds.

Pure. A file is a ``Champ: valeur`` header, a blank line, then a Markdown body. The imported
text sits between two HTML comments (invisible on the site); whatever follows the « ajouts »
comment belongs to the town and is never touched by a new import::

    Titre: …
    Fiche-nationale: F1341

    <!-- TEXTE NATIONAL … -->
    … replaced by each import …
    <!-- AJOUTS DE LA MAIRIE … -->
    … kept by each import …
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NATIONAL_START = "<!-- TEXTE NATIONAL"
LOCAL_START = "<!-- AJOUTS DE LA MAIRIE"
_KEY = re.compile(r"^([A-Za-z0-9_-]+):\s?(.*)$")
_H2 = re.compile(r"^## +(.+?)\s*#*\s*$", re.M)


@dataclass
class ContentFile:
    fields: dict[str, list[str]] = field(default_factory=dict)
    """Field name as written (``Verifie-le``) → its lines (one for most fields)."""
    imported: str | None = None
    """The text between the two markers; None when the file has no import markers."""
    local: str = ""
    """What follows the « ajouts » marker (or the whole body of a file without markers)."""
    local_marker: str = ""
    """The « ajouts » comment as it is in the file (staff may have edited its wording)."""

    def get(self, name: str) -> list[str]:
        for key, value in self.fields.items():
            if key.lower() == name.lower():
                return value
        return []

    def first(self, name: str) -> str:
        lines = self.get(name)
        return lines[0] if lines else ""


def parse(text: str) -> ContentFile:
    """Read a content file (the reverse of :func:`render`)."""
    header, _, body = text.replace("\r\n", "\n").partition("\n\n")
    parsed = ContentFile()
    last: str | None = None
    for line in header.split("\n"):
        if last and (line.startswith("    ") or line.startswith("\t")):
            parsed.fields[last].append(line.strip())
            continue
        match = _KEY.match(line)
        if match:
            last = match.group(1)
            parsed.fields[last] = [match.group(2).strip()] if match.group(2).strip() else []
    start, local_at = body.find(NATIONAL_START), body.find(LOCAL_START)
    if start >= 0 and local_at > start:
        after_start = body.index("-->", start) + 3
        parsed.imported = body[after_start:local_at].strip("\n")
        marker_end = body.index("-->", local_at) + 3
        parsed.local_marker = body[local_at:marker_end]
        parsed.local = body[marker_end:].strip("\n")
    else:
        parsed.local = body.strip("\n")
    return parsed


def render_header(fields: dict[str, list[str]]) -> str:
    lines = []
    for key, values in fields.items():
        if not values:
            continue
        lines.append(f"{key}: {values[0]}")
        lines += [f"    {value}" for value in values[1:]]
    return "\n".join(lines)


def render(
    fields: dict[str, list[str]],
    national_comment: str,
    imported: str,
    local_marker: str,
    local: str,
) -> str:
    """The whole file: header, the imported text between its markers, the town's additions."""
    parts = [render_header(fields), "", national_comment, "", imported.strip("\n"), ""]
    parts += [local_marker, ""]
    if local.strip():
        parts += [local.strip("\n"), ""]
    return "\n".join(parts)


def sections(markdown: str) -> dict[str, str]:
    """``## Title`` → its text (the text before the first title under ``""``), to compare two
    versions of an imported text."""
    found: dict[str, str] = {}
    matches = list(_H2.finditer(markdown))
    head = markdown[: matches[0].start()] if matches else markdown
    if head.strip():
        found[""] = head.strip()
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        end = following.start() if following else len(markdown)
        found[match.group(1)] = markdown[match.end() : end].strip()
    return found


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    fields: tuple[tuple[str, str, str], ...]
    """(field, old value, new value)."""

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.fields)


def compare(
    old_text: str,
    new_text: str,
    old_fields: dict[str, list[str]],
    new_fields: dict[str, list[str]],
    watched: tuple[str, ...],
) -> Changes:
    """What changed between two imports: parts of the text, and the ``watched`` fields."""
    old, new = sections(old_text), sections(new_text)
    label = lambda title: title or "texte d'introduction"  # noqa: E731
    added = tuple(label(t) for t in new if t not in old)
    removed = tuple(label(t) for t in old if t not in new)
    changed = tuple(label(t) for t in new if t in old and old[t] != new[t])
    fields_changed = []
    for name in watched:
        before = " / ".join(old_fields.get(name, []))
        after = " / ".join(new_fields.get(name, []))
        if before != after:
            fields_changed.append((name, before or "vide", after or "vide"))
    return Changes(added, removed, changed, tuple(fields_changed))
