"""Why a flyer did not fit on one side: one build warning per cause, not one per flyer.

Pure: no Pelican, no Typst. Each flyer's one-side layout measured the height of its parts
(``documents``, ``steps``, the free text: ``intro``, ``who``, ``good_to_know``,
``other:<heading>``; ``counter:<slug>``). The cause is:

- when the previous build printed the flyer on one side: the part that grew the most since
  (the counter « Mairie » gained closures; « Bon à savoir » got a new paragraph), or the
  procedure's list of counters when it names a counter it did not name then;
- when the previous build already gave a cause: the same one, while that part is still there
  and has not shrunk; if it has (the counter's closures are over), the part that grew since;
- otherwise (first build): the tallest part, the counters together when there are two or more.

A counter that lengthens several flyers gives one warning on the counter's file naming every
flyer it pushed to recto-verso; a long section gives a warning on that procedure's file. Staff
are never asked to shorten a file that is not the cause.

What a build found is kept in ``<CACHE_PATH>/print-causes.json`` (:data:`HISTORY_FILE`): one
record per procedure file (:func:`record`), read back by the next build for the causes and by
``make verifier`` (:func:`last_build`), which does not build, to list the flyers that took more
than one side, with their cause.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from guichet.messages import Problem
from guichet.messages import print as msg

from .fit import FREE_TEXT

PART_NAMES = {
    "documents": "Pièces à fournir",
    "steps": "Étapes",
    **FREE_TEXT,
}


@dataclass(frozen=True)
class CounterInfo:
    slug: str
    title: str
    source: str
    closures: int
    """Upcoming closures printed."""
    days: int
    """Open days in its hours table."""


@dataclass(frozen=True)
class FlyerOutcome:
    """What the build knows about one fitted flyer, for its warning."""

    source: str
    title: str
    level: int
    pages: int
    rule: str
    """What the layout rule did, in French (Flyer.rule)."""
    parts_mm: dict[str, float]
    counters: tuple[CounterInfo, ...]
    web: str
    cut: tuple[str, ...]
    """Keys of the free-text parts cut (``who``, ``other:tarifs``…)."""
    documents: int
    """Documents to bring (items, not the notes between them)."""
    steps: int
    names: dict[str, str] = field(default_factory=dict)
    """French names of this flyer's free-text parts, by key (« Tarifs » for ``other:tarifs``)."""

    def name(self, part: str) -> str:
        """A part's name in French: « Pièces à fournir », « Bon à savoir », « Tarifs »."""
        return self.names.get(part) or PART_NAMES.get(part, part)


COUNTER = "counter:"
"""Prefix of a counter's part (``counter:<slug>``)."""

GROWTH_MM = 0.5
"""Less than this is layout noise, not growth."""

HISTORY_FILE = "print-causes.json"
"""In CACHE_PATH: every flyer's record (:func:`record`) from the last build, by procedure file."""

HISTORY_STAMP = ("format", 1)
"""The records' format: a file with another stamp is no records."""


def _as_cause(part: str) -> tuple[str, str]:
    """``counter:mairie`` → ``("counter", "mairie")``; ``documents`` → ``("part", "documents")``."""
    if part.startswith(COUNTER):
        return ("counter", part[len(COUNTER) :])
    return ("part", part)


def _grown_most(now: dict[str, float], before: dict[str, float]) -> tuple[float, str]:
    """How much the part that grew the most since ``before`` grew, and its name."""
    return max(((now[k] - before.get(k, 0.0), k) for k in sorted(now)), default=(0.0, ""))


def cause_of(outcome: FlyerOutcome, previous: dict | None = None) -> tuple[str, str]:
    """``("counter", slug)`` or ``("part", name)`` (``name`` may be ``counters``): see the
    module's docstring. ``previous``: this flyer's record from the last build (see
    :func:`record`), or None."""
    now = outcome.parts_mm
    grew_past_two_pages = outcome.pages > 2 and previous and previous.get("pages", 2) <= 2
    if previous and (previous.get("level") == 0 or grew_past_two_pages):
        before = previous.get("parts_mm", {})
        if any(k.startswith(COUNTER) and k not in before for k in now):
            # The procedure names a counter it did not name then: its own file is the cause,
            # not that counter's (which did not grow).
            return ("part", "counters")
        growth, part = _grown_most(now, before)
        if growth >= GROWTH_MM:
            return _as_cause(part)
    if previous and previous.get("cause"):
        kind, name = previous["cause"]
        part = f"{COUNTER}{name}" if kind == "counter" else name
        before = previous.get("parts_mm", {})
        shrank = part in before and part in now and now[part] <= before[part] - GROWTH_MM
        if not shrank and (part in now or name == "counters"):
            return (kind, name)
        if shrank:  # the old cause went away (closures removed): what grew meanwhile, if any
            growth, grown = _grown_most(now, before)
            if growth >= GROWTH_MM:
                return _as_cause(grown)
    parts = {k: v for k, v in now.items() if not k.startswith(COUNTER)}
    counters = {k: v for k, v in now.items() if k.startswith(COUNTER)}
    if len(outcome.counters) >= 2:
        parts["counters"] = sum(counters.values())
    else:
        parts.update(counters)
    if not parts:
        return ("part", "documents")
    return _as_cause(max((v, k) for k, v in parts.items())[1])


def growth_of(outcome: FlyerOutcome, cause: tuple[str, str], previous: dict | None) -> float:
    """How much the cause's part grew since the build that last printed the flyer on one side
    (0 when unknown); kept from build to build while the cause stays."""
    if not previous:
        return 0.0
    part = f"{COUNTER}{cause[1]}" if cause[0] == "counter" else cause[1]
    if previous.get("level") == 0 and part in outcome.parts_mm:
        grown = outcome.parts_mm[part] - previous.get("parts_mm", {}).get(part, 0.0)
        return round(grown, 1) if grown >= GROWTH_MM else 0.0
    if previous.get("cause") and tuple(previous["cause"]) == tuple(cause):
        return previous.get("grown_mm", 0.0)
    return 0.0


def record(outcome: FlyerOutcome, cause: tuple[str, str] | None, grown: float = 0.0) -> dict:
    """What the next build needs to know about this flyer (kept in the cache folder); for a
    flyer on more than one side, also what ``make verifier`` says about it: its pages, the rule
    applied (``rule``), the cause in French (``why``) and what to do (``hint``)."""
    entry = {"level": outcome.level, "parts_mm": outcome.parts_mm, "cause": cause}
    if grown:
        entry["grown_mm"] = grown
    if cause:
        entry["pages"] = outcome.pages
        entry.update(rule=outcome.rule, why=why_of(outcome, cause), hint=hint_of(outcome, cause))
    return entry


@dataclass(frozen=True)
class LastFlyer:
    """A flyer the last build did not print on one side, as ``make verifier`` lists it."""

    source: str
    pages: int
    rule: str
    why: str
    hint: str


def last_build(cache_path: str | Path) -> list[LastFlyer] | None:
    """The flyers the last build laid out on more than one side (level 1 and up), by source;
    None when no build wrote :data:`HISTORY_FILE` in ``cache_path`` (or in another format)."""
    try:
        data = json.loads((Path(cache_path) / HISTORY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entries = data.get("flyers") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or data.get(HISTORY_STAMP[0]) != HISTORY_STAMP[1]:
        return None
    found = []
    for source, entry in sorted(entries.items()):
        if not isinstance(entry, dict) or not entry.get("level"):
            continue
        if "why" not in entry:  # written before the build recorded causes: build again
            return None
        found.append(
            LastFlyer(
                source=source,
                pages=int(entry.get("pages", 2)),
                rule=str(entry.get("rule", "")),
                why=str(entry["why"]),
                hint=str(entry.get("hint", "")),
            )
        )
    return found


def problems(
    outcomes: list[FlyerOutcome], history: dict[str, dict] | None = None
) -> tuple[list[Problem], dict[str, dict]]:
    """The build warnings for every flyer that did not fit on one side, one per cause, in the
    order the flyers were given (then counters' warnings, in the order they first appear); and
    the records to remember for the next build, by procedure file."""
    history = history or {}
    found: list[Problem] = []
    remembered: dict[str, dict] = {}
    by_counter: dict[str, list[tuple[FlyerOutcome, float]]] = {}
    for outcome in outcomes:
        if outcome.level == 0:
            remembered[outcome.source] = record(outcome, None)
            continue
        previous = history.get(outcome.source)
        kind, name = cause_of(outcome, previous)
        grown = growth_of(outcome, (kind, name), previous)
        remembered[outcome.source] = record(outcome, (kind, name), grown)
        if kind == "counter" and outcome.pages <= 2:
            by_counter.setdefault(name, []).append((outcome, grown))
            continue
        found.append(_part_problem(outcome, (kind, name)))
    for slug, affected in by_counter.items():
        found.append(_counter_problem(slug, affected))
    return found, remembered


def _part_label(outcome: FlyerOutcome, name: str) -> str:
    """« la partie « Étapes » est longue (12 cm sur la feuille, 15 étapes) »."""
    if name == "counters":
        height = sum(v for k, v in outcome.parts_mm.items() if k.startswith(COUNTER))
    else:
        height = outcome.parts_mm.get(name, 0.0)
    length = msg.length(height)
    if name == "counters" and len(outcome.counters) == 1:
        return msg.ONE_COUNTER.format(counter=outcome.counters[0].title, length=length)
    if name == "counters":
        return msg.MANY_COUNTERS.format(count=len(outcome.counters), length=length)
    detail = {"documents": outcome.documents, "steps": outcome.steps}.get(name)
    return msg.LONG_PART.format(
        part=outcome.name(name),
        length=length,
        detail=msg.items(name, detail) if detail is not None else "",
    )


def _part_hint(outcome: FlyerOutcome, name: str) -> str:
    cut = " », « ".join(outcome.name(key) for key in outcome.cut)
    if outcome.pages > 2:
        kept = msg.STILL_TOO_LONG_CUT.format(parts=cut, web=outcome.web) if cut else ""
        return msg.STILL_TOO_LONG_HINT.format(kept=kept)
    if cut:
        cause = msg.COUNTERS if name == "counters" else f"« {outcome.name(name)} »"
        return msg.FREE_TEXT_CUT_HINT.format(
            parts=cut, web=outcome.web, cause=cause, **msg.cut_verbs(len(outcome.cut))
        )
    return msg.NOTHING_CUT_HINT


def why_of(outcome: FlyerOutcome, cause: tuple[str, str]) -> str:
    """The cause of one flyer, in French, as its build warning gives it."""
    kind, name = cause
    counter = next((c for c in outcome.counters if c.slug == name), None)
    if kind == "counter" and counter is not None:
        return msg.COUNTER_PART.format(
            counter=counter.title,
            length=msg.length(outcome.parts_mm.get(f"{COUNTER}{name}", 0.0)),
            details=msg.counter_details(counter.days, counter.closures),
        )
    return _part_label(outcome, name)


def hint_of(outcome: FlyerOutcome, cause: tuple[str, str]) -> str:
    """What to do about one flyer, as its build warning says."""
    if cause[0] == "counter" and outcome.pages <= 2:
        hint = msg.COUNTER_LENGTHENS_HINT
        return hint + " " + msg.COUNTER_CUT_HINT if outcome.cut else hint
    return _part_hint(outcome, cause[1])


def _part_problem(outcome: FlyerOutcome, cause: tuple[str, str]) -> Problem:
    why = why_of(outcome, cause)
    if outcome.pages > 2:
        message = msg.STILL_TOO_LONG.format(why=why, pages=outcome.pages, rule=outcome.rule)
    else:
        message = msg.NOT_ONE_SIDE.format(why=why, rule=outcome.rule)
    return Problem(outcome.source, message, None, hint_of(outcome, cause))


def _counter_problem(slug: str, grown_on: list[tuple[FlyerOutcome, float]]) -> Problem:
    affected = [outcome for outcome, _ in grown_on]
    counter = next(c for c in affected[0].counters if c.slug == slug)
    tallest = max(o.parts_mm.get(f"{COUNTER}{slug}", 0.0) for o in affected)
    details = msg.counter_details(counter.days, counter.closures)
    grown = max(g for _, g in grown_on)
    if grown:
        details += msg.COUNTER_GREW.format(length=msg.length(grown))
    message = msg.COUNTER_LENGTHENS.format(
        counter=counter.title,
        length=msg.length(tallest),
        details=details,
        affected=msg.flyers_affected(len(affected)),
        flyers=" ; ".join(f"« {o.title} » ({o.source})" for o in affected),
        rules=" ; ".join(sorted({o.rule for o in affected})),
    )
    hint = msg.COUNTER_LENGTHENS_HINT
    if any(o.cut for o in affected):
        hint += " " + msg.COUNTER_CUT_HINT
    return Problem(counter.source, message, None, hint)
