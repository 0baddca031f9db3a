"""A ``Fiche`` as a procedure file: the national layer, plus what the town already wrote.

Pure: ``compose`` takes the fiche, the town's choices and the existing file (if any) and gives
the new file's text and the French lines the command prints.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from guichet.messages import importers as msg

from . import layers
from .dila import Fiche, NationalSection
from .words import plain

HEADINGS = {
    "who": "Qui est concerné",
    "documents": "Pièces à fournir",
    "steps": "Étapes",
    "good_to_know": "Bon à savoir",
}
NEEDS_LIST = ("documents", "steps")
COST_UNKNOWN = "Selon votre situation : renseignez-vous au guichet"
DELAY_UNKNOWN = "Selon votre situation : renseignez-vous au guichet"
"""Wording of ``Cout`` / ``Delai`` when the fiche does not state them (documented in the guide)."""
SHORT_FACT = 120
"""A cost or delay chapter whose first paragraph is at most this long gives the field's value."""

LOCAL_FIELDS = ("Theme", "Guichets", "Cout", "Delai", "Populaire")
"""Fields the town owns once the file exists: a new import keeps them as they are."""
NATIONAL_FIELDS = (
    "Titre",
    "Resume",
    "Verifie-le",
    "Service-en-ligne",
    "Fiche-nationale",
    "Fiche-mise-a-jour",
    "Fiche-url",
)
NATIONAL_COMMENT = (
    "<!-- TEXTE NATIONAL (service-public.fr, fiche {id}, Licence Ouverte 2.0) : remplacé à "
    "chaque import de la fiche. Ne le modifiez pas ici : écrivez vos ajouts plus bas, après "
    "« AJOUTS DE LA MAIRIE ». -->"
)
LOCAL_MARKER = (
    "<!-- AJOUTS DE LA MAIRIE : tout ce qui suit est conservé à chaque import. Écrivez-y ce qui "
    "est propre à la commune, sous les titres habituels (## Pièces à fournir, ## Étapes, "
    "## Bon à savoir) : ils s'ajoutent à la partie du même nom du texte national. -->"
)
ONLINE_KIND = "téléservice"
_LIST_LINE = re.compile(r"^(?:- |\d+\. )")


@dataclass(frozen=True)
class Choices:
    """What the town decides for an import (from the command line and the settings)."""

    themes: Mapping[str, str]
    theme_map: Mapping[str, str]
    """Fiche ``Theme`` ID or title, or ``dc:subject`` (compared without case or accents) →
    theme key (GUICHET_IMPORT_THEMES)."""
    default_theme: str
    pivots: Mapping[str, tuple[str, ...]]
    """``PivotLocal`` → counter slugs (GUICHET_IMPORT_PIVOTS)."""
    counters: frozenset[str]
    main_counter: str
    theme: str | None = None
    """``--theme``: wins over the mapping."""


@dataclass
class Composed:
    text: str
    lines: list[str] = field(default_factory=list)
    changes: layers.Changes | None = None


def compose(fiche: Fiche, choices: Choices, existing: layers.ContentFile | None) -> Composed:
    lines: list[str] = []
    body, mapped = national_body(fiche, choices, lines)
    fields = national_fields(fiche)
    local_values = _local_fields(fiche, choices, body, lines)
    if existing is not None:  # the town's fields stay as they are
        for name in LOCAL_FIELDS:
            if existing.get(name):
                local_values[name] = existing.get(name)
        lines.append(
            msg.KEPT_LOCAL.format(marker="AJOUTS DE LA MAIRIE", fields=", ".join(LOCAL_FIELDS))
        )
    ordered = {
        "Titre": fields["Titre"],
        "Resume": fields["Resume"],
        "Theme": local_values["Theme"],
        "Guichets": local_values["Guichets"],
        "Cout": local_values["Cout"],
        "Delai": local_values["Delai"],
        "Verifie-le": fields["Verifie-le"],
        "Service-en-ligne": fields["Service-en-ligne"],
        "Populaire": local_values.get("Populaire", []),
        "Fiche-nationale": fields["Fiche-nationale"],
        "Fiche-mise-a-jour": fields["Fiche-mise-a-jour"],
        "Fiche-url": fields["Fiche-url"],
    }
    for key, heading in HEADINGS.items():
        if key in NEEDS_LIST and key not in mapped:
            lines.append(msg.MISSING_PROJECT_SECTION.format(heading=heading))
    local = existing.local if existing else ""
    marker = existing.local_marker if existing and existing.local_marker else LOCAL_MARKER
    text = layers.render(ordered, NATIONAL_COMMENT.format(id=fiche.id), body, marker, local)
    changes = None
    if existing is not None and existing.imported is not None:
        changes = layers.compare(existing.imported, body, existing.fields, ordered, NATIONAL_FIELDS)
    for name, count in sorted(fiche.unknown.items()):
        lines.append(msg.UNKNOWN_ELEMENT.format(name=name, count=count))
    return Composed(text, lines, changes)


def national_fields(fiche: Fiche) -> dict[str, list[str]]:
    summary = " ".join(fiche.description.split()) or f"{fiche.title} : fiche pratique."
    online = [link for link in fiche.online if link.url]
    preferred = [link for link in online if link.kind.lower() == ONLINE_KIND] or online
    return {
        "Titre": [fiche.title],
        "Resume": [summary],
        "Verifie-le": [fiche.updated.isoformat()],
        "Service-en-ligne": [preferred[0].url] if preferred else [],
        "Fiche-nationale": [fiche.id],
        "Fiche-mise-a-jour": [fiche.updated.isoformat()],
        "Fiche-url": [fiche.url],
    }


def _local_fields(fiche: Fiche, choices: Choices, body: str, lines: list[str]) -> dict:
    theme = _theme(fiche, choices, lines)
    counters = _counters(fiche, choices, lines)
    cost, delay = _facts(fiche)
    if cost:
        lines.append(msg.COST_FROM_FICHE.format(value=cost))
    else:
        cost = COST_UNKNOWN
        lines.append(msg.COST_DEFAULT.format(value=cost))
    if not delay:
        delay = DELAY_UNKNOWN
        lines.append(msg.DELAY_DEFAULT.format(value=delay))
    return {"Theme": [theme], "Guichets": [", ".join(counters)], "Cout": [cost], "Delai": [delay]}


def _theme(fiche: Fiche, choices: Choices, lines: list[str]) -> str:
    if choices.theme:
        return choices.theme
    mapping = {plain(k): v for k, v in choices.theme_map.items()}
    for subject in fiche.subjects:
        key = mapping.get(plain(subject))
        if key in choices.themes:
            lines.append(msg.THEME_FROM_FICHE.format(key=key, subject=subject))
            return key
    shown = ", ".join(f"« {s} »" for s in fiche.subjects) or "aucun"
    lines.append(msg.THEME_DEFAULT.format(subjects=shown, key=choices.default_theme))
    return choices.default_theme


def _counters(fiche: Fiche, choices: Choices, lines: list[str]) -> list[str]:
    chosen: list[str] = []
    for pivot in fiche.pivots:
        slugs = [s for s in choices.pivots.get(pivot, ()) if s in choices.counters]
        if slugs:
            lines.append(msg.PIVOT_MAPPED.format(pivot=pivot, counters=", ".join(slugs)))
            chosen += [s for s in slugs if s not in chosen]
        else:
            lines.append(msg.PIVOT_UNMAPPED.format(pivot=pivot))
    if not chosen:
        lines.append(msg.MAIN_COUNTER.format(slug=choices.main_counter))
        chosen = [choices.main_counter]
    return chosen


def _facts(fiche: Fiche) -> tuple[str | None, str | None]:
    cost = fiche.amounts[0] if fiche.amounts else None
    delay = None
    for section in fiche.sections:
        first = _first_paragraph(section.markdown)
        if section.key == "cost" and not cost and first and len(first) <= SHORT_FACT:
            cost = first
        if section.key == "delay" and not delay and first and len(first) <= SHORT_FACT:
            delay = first
    return cost, delay


def _first_paragraph(markdown: str) -> str:
    for block in markdown.split("\n\n"):
        text = block.strip()
        if text and not text.startswith(("#", "-", ">", "|", "1.")):
            return text.replace("\\", "")
    return ""


def _has_list(markdown: str) -> bool:
    """Whether the text has a top-level list (what the build's documents and steps need)."""
    return any(_LIST_LINE.match(line) for line in markdown.split("\n"))


def national_body(fiche: Fiche, choices: Choices, lines: list[str]) -> tuple[str, set[str]]:
    """The imported text in the project's sections where they fit; the keys it mapped."""
    blocks: list[str] = []
    if fiche.intro:
        blocks.append(fiche.intro)
    mapped: set[str] = set()
    for section in fiche.sections:
        heading = _heading(section, mapped, lines)
        if not heading and not section.markdown:
            continue
        blocks.append(f"## {heading}" if heading else "")
        if section.markdown:
            blocks.append(section.markdown)
    blocks += _links_section("Services en ligne et formulaires", fiche.online, with_kind=True)
    mapped_pivots = {p for p in fiche.pivots if set(choices.pivots.get(p, ())) & choices.counters}
    others = [w for w in fiche.where if w.pivot not in mapped_pivots or not w.pivot]
    blocks += _links_section("Autres services qui peuvent vous aider", others, with_detail=True)
    blocks += _links_section("Textes de référence", fiche.references, with_detail=True)
    blocks += _links_section("Pour en savoir plus", fiche.more)
    blocks.append(
        f"Texte national : [fiche {fiche.id} sur service-public.fr]({fiche.url}) "
        "(Direction de l'information légale et administrative, Licence Ouverte 2.0)."
    )
    return "\n\n".join(b for b in blocks if b), mapped


def _heading(section: NationalSection, mapped: set[str], lines: list[str]) -> str:
    title = section.title or "Informations"
    key = section.key
    if key in HEADINGS and key not in mapped:
        if key in NEEDS_LIST and not _has_list(section.markdown):
            lines.append(msg.SECTION_NOT_LIST.format(title=title, heading=HEADINGS[key]))
            return _not_project(title)
        mapped.add(key)
        lines.append(msg.SECTION_MAPPED.format(title=title, heading=HEADINGS[key]))
        return HEADINGS[key]
    if key == "other":
        lines.append(msg.SECTION_KEPT.format(title=title))
    return _not_project(title)


def _not_project(title: str) -> str:
    """A heading that the build does not read as one of its own sections."""
    if plain(title) in {plain(h) for h in HEADINGS.values()}:
        return f"{title} (texte national)"
    return title


def _links_section(
    title: str, links: list, with_kind: bool = False, with_detail: bool = False
) -> list[str]:
    items = []
    for link in links:
        if not link.title:
            continue
        text = f"[{link.title}]({link.url})" if link.url else link.title
        extra = [link.kind] if with_kind and link.kind else []
        if with_detail and link.detail:
            extra.append(link.detail)
        items.append(f"- {text}" + (f" ({', '.join(extra)})" if extra else ""))
    return [f"## {title}", "\n".join(items)] if items else []
