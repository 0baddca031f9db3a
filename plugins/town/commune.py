"""The town's identity from content/commune.md, as the settings the templates already read.

Pure: no Pelican. :func:`parse_town_file` turns the file's text into Guichet's settings
(``SITENAME``, ``GUICHET_TOWN``, ``GUICHET_THEMES``…) and French problems with the line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from guichet.messages import Problem
from guichet.messages import town as msg

from .header import Field, read_header

STATUSES = ("totalement conforme", "partiellement conforme", "non conforme")

LABELS = {
    "commune": "Commune",
    "nom-du-site": "Nom-du-site",
    "adresse-du-site": "Adresse-du-site",
    "guichet-principal": "Guichet-principal",
    "accessibilite": "Accessibilite",
    "themes": "Themes",
}
"""Field key (folded) → label as the guide writes it."""

EXAMPLES = {
    "commune": "Val-d'Aurore",
    "nom-du-site": "Mairie de Val-d'Aurore",
    "adresse-du-site": "https://www.val-daurore.fr",
    "guichet-principal": "mairie",
    "accessibilite": "partiellement conforme",
    "themes": "papiers : Papiers d'identité",
}
REQUIRED = ("commune", "adresse-du-site", "guichet-principal", "accessibilite", "themes")

_THEME_LINE = re.compile(r"^(.+?)\s+:\s+(.+)$")
_THEME_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Parsed:
    settings: dict = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)


def parse_town_file(text: str, source: str, counters: Iterable[str] | None = None) -> Parsed:
    """Settings from the text of ``commune.md`` (``source`` names it in problems).

    ``counters``: slugs of the counters that exist (None: not checked).
    """
    result = Parsed()
    fields, problems = read_header(text, LABELS)

    def error(line: int, key: str | None, message: str, hint: str = "") -> None:
        label = LABELS.get(key, key) if key else None
        result.errors.append(Problem(f"{source}:{line}", message, label, hint))

    for problem in problems:
        error(problem.line, problem.field, problem.message, problem.hint)
    seen: dict[str, Field] = {}
    for item in fields:
        if item.key not in LABELS:
            close = difflib.get_close_matches(item.key, list(LABELS), n=1, cutoff=0.6)
            known = ", ".join(LABELS.values())
            hint = (
                msg.UNKNOWN_HINT_SUGGESTION.format(suggestion=LABELS[close[0]], known=known)
                if close
                else msg.UNKNOWN_HINT.format(known=known)
            )
            error(item.line, None, msg.UNKNOWN.format(field=item.label), hint)
        elif item.key in seen:
            first = seen[item.key].line
            error(
                item.line,
                item.key,
                msg.DUPLICATE.format(field=item.label, first=first, second=item.line),
                msg.DUPLICATE_HINT.format(field=LABELS[item.key]),
            )
        else:
            seen[item.key] = item

    def example(key: str) -> str:
        return msg.EXAMPLE.format(field=LABELS[key], example=EXAMPLES[key])

    for key in REQUIRED:
        if key not in seen:
            error(1, key, msg.MISSING.format(field=LABELS[key]), example(key))
    for key, item in seen.items():
        if not item.values:
            error(item.line, key, msg.EMPTY.format(field=LABELS[key]), example(key))
    present = {k: v for k, v in seen.items() if v.values}

    town = present.get("commune")
    if town:
        result.settings["GUICHET_TOWN"] = town.text
    site_name = present.get("nom-du-site")
    if site_name or town:
        name = site_name.text if site_name else f"Mairie de {town.text}"
        result.settings["SITENAME"] = name
        result.settings["AUTHOR"] = name

    if url := present.get("adresse-du-site"):
        value = url.text.rstrip("/")
        if not value.startswith("https://") or " " in value or "." not in value[8:]:
            error(url.line, "adresse-du-site", msg.BAD_URL.format(value=url.text), example(url.key))
        else:
            result.settings["GUICHET_PUBLIC_URL"] = value

    if counter := present.get("guichet-principal"):
        slug = counter.text.removesuffix(".md")
        known = sorted(counters) if counters is not None else None
        if known is not None and slug not in known:
            error(
                counter.line,
                "guichet-principal",
                msg.UNKNOWN_COUNTER.format(value=counter.text),
                msg.UNKNOWN_COUNTER_HINT.format(known=", ".join(known) or "aucun"),
            )
        else:
            result.settings["GUICHET_MAIN_COUNTER"] = slug

    if status := present.get("accessibilite"):
        value = " ".join(status.text.lower().split())
        if value not in STATUSES:
            error(
                status.line,
                "accessibilite",
                msg.BAD_STATUS.format(value=status.text),
                msg.STATUS_HINT,
            )
        else:
            result.settings["GUICHET_ACCESSIBILITY_STATUS"] = value

    if themes := present.get("themes"):
        parsed = _themes(themes, error)
        if parsed:
            result.settings["GUICHET_THEMES"] = parsed
    return result


def _themes(item: Field, error) -> dict[str, str]:
    """``clé : libellé`` lines, in the order written (the menus' order)."""
    themes: dict[str, str] = {}
    for line, text in item.values:
        match = _THEME_LINE.match(text)
        if not match:
            error(line, "themes", msg.BAD_THEME_LINE.format(text=text), _theme_example())
            continue
        key, label = match.group(1).strip(), match.group(2).strip()
        if not _THEME_KEY.match(key):
            error(line, "themes", msg.BAD_THEME_KEY.format(key=key), msg.BAD_THEME_KEY_HINT)
        elif key in themes:
            error(line, "themes", msg.DUPLICATE_THEME.format(key=key), msg.DUPLICATE_THEME_HINT)
        else:
            themes[key] = label
    return themes


def _theme_example() -> str:
    return msg.EXAMPLE.format(field="Themes", example="objets-trouves : Objets trouvés")
