"""What a flyer says, once: :class:`FlyerContent`, built from a procedure at one level of the
layout rule (``fit.py``). The flyer page (``flyer.html``, Jinja) and the PDF (``flyer.typ``,
Typst) both render this structure and nothing else, so paper and screen say the same words
(tested: ``tests/print/test_same_text.py``).

Pure apart from reading the procedure's objects: no Pelican, no engine. Inline text (documents,
steps, free text) stays sanitised HTML here, link targets already written out; each renderer
turns it into its own markup (``markup.py`` for Typst). « Pièces à fournir » and « Étapes » are
sequences of entries (``fit.Entry``: an item, or a note or sub-heading between items), in the
order written; the free text is ``fit.FreeText`` parts, in two groups (``lead``, ``more``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from guichet import html5
from guichet_plugins.procedures.dates import format_date_fr
from guichet_plugins.procedures.hours import DAYS
from guichet_plugins.procedures.sections import normalise

from .fit import (
    FREE_TEXT,
    ITEM,
    Entry,
    Flyer,
    FreeText,
    Source,
    clean_free_text,
    entries,
    make_flyer,
    rule_text,
    web_address,
)

APPOINTMENT_CAPTION = ", uniquement sur rendez-vous"
CALL_FOR_APPOINTMENT = "Appelez le guichet pour prendre rendez-vous."


@dataclass(frozen=True)
class FormLine:
    """A form to download, as the flyer prints it."""

    text: str
    info: str
    printed: str


@dataclass(frozen=True)
class CounterContent:
    """One counter on a flyer: always all of it (a resident with the paper alone must find the
    counter open)."""

    slug: str
    name: str
    address: tuple[str, ...]
    phone: str
    phone_uri: str
    email: str | None
    closures: tuple[str, ...]
    """« 24 décembre 2026 : Réveillon », already written out."""
    closures_below: bool
    """Printed under the contact and the hours, the width of the sheet, not in the contact's
    column: from :data:`CLOSURES_BELOW` closures, with one or two counters (where each closure
    took two lines)."""
    hours_caption: str
    hours: tuple[tuple[str, tuple[str, ...]], ...]
    """(day(s), time ranges) rows: « Lundi » / (« 8 h 30 à 12 h », « 13 h 30 à 17 h »), printed
    joined by « et »; with three counters or more, days with the same hours on one row
    (« Du lundi au vendredi »). Inside a time range the spaces are no-break spaces (« 8 h 30 à
    12 h » never breaks)."""
    closed: tuple[str, str] | None
    """The « Autres jours : fermé » row, when some days are closed."""
    note: str | None
    """« Appelez le guichet pour prendre rendez-vous. » when no day has set hours."""


@dataclass(frozen=True)
class FlyerContent:
    """Everything one flyer prints, at one level of the layout rule."""

    level: int
    layout: str
    recto_verso: bool
    abridged: bool
    cut: tuple[str, ...]
    town: str
    author: str
    theme: str
    title: str
    summary: str
    cost: str
    delay: str
    web: str
    online: str | None
    documents: tuple[Entry, ...]
    """« Pièces à fournir », every entry in order: items (with their box) and the notes and
    sub-headings between them."""
    steps: tuple[Entry, ...]
    """« Étapes », likewise: items numbered on across the notes."""
    lead: tuple[FreeText, ...]
    """The introduction and « Qui est concerné » (under the summary on one side, on the back
    otherwise)."""
    more: tuple[FreeText, ...]
    """« Bon à savoir », then the procedure's other sections in their order."""
    missing: str | None
    """What to say when a procedure lists no documents or no steps."""
    forms: tuple[FormLine, ...]
    many: bool
    """Three counters or more: the compact layout."""
    counters: tuple[CounterContent, ...]
    verified: str
    edited: str | None
    source: str | None
    """The national source line (service-public.fr), when the procedure comes from one."""

    @property
    def free(self) -> tuple[FreeText, ...]:
        """Every free-text part, lead first."""
        return (*self.lead, *self.more)

    @property
    def rule(self) -> str:
        """What the layout rule did to this flyer, in French ("" at level 0)."""
        return rule_text(self.level, [f.label for f in self.free if f.key in self.cut])

    @property
    def document_count(self) -> int:
        """Documents to bring (items, not the notes between them): « 22 pièces »."""
        return sum(entry.kind == ITEM for entry in self.documents)

    @property
    def step_count(self) -> int:
        return sum(entry.kind == ITEM for entry in self.steps)

    def as_dict(self) -> dict:
        return asdict(self)


def _bare(url: str) -> str:
    return url.replace("https://", "").replace("http://", "")


NBSP = "\u00a0"
_TIME = re.compile(r"\b\d{1,2} h(?: \d\d\b)?")
"""A time as hours.format_time writes it: « 8 h 30 », « 12 h »."""
_TO = re.compile(r"(?:(?<=\bh)|(?<=\d\d)) à (?=\d{1,2}\u00a0h\b)")
"""« à » between two times."""


def unbroken_times(text: str) -> str:
    """``text`` with no-break spaces inside each time and each range of times: « 8 h 30 à
    12 h » never breaks at a line's end (« 17 / h 30 », « 13 h 30 à / 17 h 30 »), on paper or on
    screen; « et » between two ranges, or « sur rendez-vous » after one, may."""
    text = _TIME.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return _TO.sub(f"{NBSP}à{NBSP}", text)


def day_names(days: list[str]) -> str:
    """Days that share the same hours, as one row's label: three days or more in a row from
    the first to the last (« Du lundi au vendredi »), others by name (« Lundi, mercredi »)."""
    indexes = sorted(DAYS.index(day) for day in days)
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"du {DAYS[run[0]]} au {DAYS[run[-1]]}")
        else:
            parts.extend(DAYS[index] for index in run)
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _hours(counter, many: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    days = [day for day in counter.data.hours.days if day.is_open]

    def ranges(day) -> tuple[str, ...]:
        texts = [r.text for r in day.ranges] if day.ranges else [day.text]
        return tuple(unbroken_times(text) for text in texts)

    if not many:
        return tuple((day.day.capitalize(), ranges(day)) for day in days)
    grouped: dict[tuple[str, ...], list[str]] = {}
    for day in days:
        grouped.setdefault(ranges(day), []).append(day.day)
    # Many counters: days with the same hours on one row (« Du lundi au vendredi »).
    return tuple((day_names(names), texts) for texts, names in grouped.items())


CLOSURES_BELOW = 4
"""Upcoming closures from which a counter (of a flyer with one or two) prints them under its
contact and hours: a counter closed often (works, strikes) then takes half the height."""


def counter_content(counter, many: bool) -> CounterContent:
    data = counter.data
    closures = tuple(f"{c.text.capitalize()} : {c.reason}" for c in counter.upcoming_closures)
    closed = [day for day in data.hours.days if not day.is_open]
    closed_row = None
    if data.hours.open_days and closed:
        closed_row = (closed[0].day.capitalize() if len(closed) == 1 else "Autres jours", "fermé")
    return CounterContent(
        slug=counter.slug,
        name=counter.title,
        address=tuple(data.address.lines),
        phone=data.phone.display,
        phone_uri=data.phone.uri,
        email=data.email or None,
        closures=closures,
        closures_below=not many and len(closures) >= CLOSURES_BELOW,
        hours_caption="Horaires d'ouverture"
        + (APPOINTMENT_CAPTION if data.hours.appointment else ""),
        hours=_hours(counter, many),
        closed=closed_row,
        note=None if data.hours.open_days else CALL_FOR_APPOINTMENT,
    )


def _missing(documents, steps) -> str | None:
    if documents and steps:
        return None
    if not (documents or steps):
        what = "Les pièces et les étapes"
    else:
        what = "Les pièces à fournir" if not documents else "Les étapes"
    return (
        what + " dépendent de votre situation : lisez le détail sur {web} ou demandez au guichet."
    )


def _plain(heading: str) -> str:
    """A heading's text (« Tarifs &amp; aides » → « Tarifs & aides »)."""
    return " ".join(html5.text(heading).split())


def source_of(procedure, public_url: str) -> Source:
    """What the flyer of ``procedure`` may print, ready for paper, at every level: each section
    read once (see ``fit.entries``)."""
    sections = procedure.sections
    page = procedure.url

    def html(key: str) -> str | None:
        return sections[key].html if key in sections else None

    def free(key: str, label: str, heading: str, fragment: str | None) -> FreeText | None:
        text = clean_free_text(fragment, public_url, page)
        return FreeText(key, label, heading, text) if text else None

    lead = [
        free("intro", FREE_TEXT["intro"], "", html("intro")),
        free("who", FREE_TEXT["who"], FREE_TEXT["who"], html("who")),
    ]
    more = [free("good_to_know", *[FREE_TEXT["good_to_know"]] * 2, html("good_to_know"))]
    keys = set()
    for section in procedure.other_sections:
        label = _plain(section.heading)
        key = base = "other:" + (normalise(label).replace(" ", "-") or "section")
        number = 2
        while key in keys:  # two sections with the same heading: two parts
            key, number = f"{base}-{number}", number + 1
        keys.add(key)
        more.append(free(key, label, section.heading, section.html))
    return Source(
        documents=entries(html("documents"), False, public_url, page),
        steps=entries(html("steps"), True, public_url, page),
        lead=tuple(part for part in lead if part),
        more=tuple(part for part in more if part),
    )


def flyer_of(procedure, level: int, public_url: str, source: Source | None = None) -> Flyer:
    """The fit rule's content of ``procedure`` at ``level`` (free text cut or not);
    ``source``: :func:`source_of` the procedure, when already made."""
    return make_flyer(level, source or source_of(procedure, public_url))


def flyer_content(
    procedure,
    level: int,
    public_url: str,
    town: str,
    author: str,
    built: date | None = None,
    source: Source | None = None,
) -> FlyerContent:
    """What the flyer of ``procedure`` prints at ``level`` of the layout rule; ``source``:
    :func:`source_of` the procedure, when already made (a flyer tried at several levels)."""
    flyer = flyer_of(procedure, level, public_url, source)
    data = procedure.data
    web = web_address(public_url, procedure.url)
    many = len(procedure.counters) >= 3
    missing = _missing(flyer.documents, flyer.steps)
    national = data.national
    source = None
    if national:
        source = (
            f"Source : service-public.fr (DILA), fiche {national.id} mise à jour le "
            f"{format_date_fr(national.updated)} · {_bare(national.url)}"
        )
    forms = procedure.forms
    return FlyerContent(
        level=level,
        layout=flyer.layout,
        recto_verso=flyer.recto_verso,
        abridged=flyer.abridged,
        cut=flyer.cut,
        town=town,
        author=author,
        theme=procedure.theme.label,
        title=procedure.title,
        summary=data.summary,
        cost=data.cost,
        delay=data.delay,
        web=web,
        online=_bare(data.online_service) if data.online_service else None,
        documents=flyer.documents,
        steps=flyer.steps,
        lead=flyer.lead,
        more=flyer.more,
        missing=missing.format(web=web) if missing else None,
        forms=tuple(FormLine(f.text, f.info, f.printed) for f in forms),
        many=many,
        counters=tuple(counter_content(c, many) for c in procedure.counters),
        verified=format_date_fr(data.verified),
        edited=format_date_fr(built) if built else None,
        source=source,
    )


@dataclass(frozen=True)
class Printed:
    """The print plugin's hand-off: what it made of one procedure (``procedure.printed``), set
    once every flyer is laid out, before any page is written."""

    flyer: FlyerContent
    """The flyer at the level that fits on paper: what the flyer page shows, so that the page
    and the PDF say the same words."""
    pdf_size: int
    """Bytes of ``fiche.pdf`` (« Télécharger la fiche (PDF, N Ko) » on the procedure page)."""
