"""Why a flyer did not fit on one side: one build warning per cause, not one per flyer.

Pure: no Pelican, no Typst. Each flyer's one-side layout measured the height of its parts
(``documents``, ``steps``, ``who``, ``good_to_know``, ``counter:<slug>``). The cause is:

- when the previous build printed the flyer on one side: the part that grew the most since
  (the counter « Mairie » gained closures; « Bon à savoir » got a new paragraph);
- when the previous build already gave a cause: the same one, while that part is still there;
- otherwise (first build): the tallest part, the counters together when there are two or more.

A counter that lengthens several flyers gives one warning on the counter's file naming every
flyer it pushed to recto-verso; a long section gives a warning on that procedure's file. Staff
are never asked to shorten a file that is not the cause.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    documents: int
    steps: int


COUNTER = "counter:"
"""Prefix of a counter's part (``counter:<slug>``)."""

GROWTH_MM = 0.5
"""Less than this is layout noise, not growth."""


def _as_cause(part: str) -> tuple[str, str]:
    """``counter:mairie`` → ``("counter", "mairie")``; ``documents`` → ``("part", "documents")``."""
    if part.startswith(COUNTER):
        return ("counter", part[len(COUNTER) :])
    return ("part", part)


def cause_of(outcome: FlyerOutcome, previous: dict | None = None) -> tuple[str, str]:
    """``("counter", slug)`` or ``("part", name)`` (``name`` may be ``counters``): see the
    module's docstring. ``previous``: this flyer's record from the last build (see
    :func:`record`), or None."""
    now = outcome.parts_mm
    if previous and previous.get("level") == 0:
        before = previous.get("parts_mm", {})
        growth, part = max(((now[k] - before.get(k, 0.0), k) for k in sorted(now)), default=(0, ""))
        if growth >= GROWTH_MM:
            return _as_cause(part)
    if previous and previous.get("cause"):
        kind, name = previous["cause"]
        if (kind == "counter" and f"{COUNTER}{name}" in now) or name in now or name == "counters":
            return (kind, name)
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
    """What the next build needs to know about this flyer (kept in the cache folder)."""
    entry = {"level": outcome.level, "parts_mm": outcome.parts_mm, "cause": cause}
    if grown:
        entry["grown_mm"] = grown
    return entry


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
        found.append(_part_problem(outcome, name))
    for slug, affected in by_counter.items():
        found.append(_counter_problem(slug, affected))
    return found, remembered


def _part_problem(outcome: FlyerOutcome, name: str) -> Problem:
    if name == "counters":
        height = sum(v for k, v in outcome.parts_mm.items() if k.startswith(COUNTER))
    else:
        height = outcome.parts_mm.get(name, 0.0)
    length = msg.length(height)
    if name == "counters":
        label = msg.MANY_COUNTERS.format(count=len(outcome.counters), length=length)
    else:
        detail = {"documents": outcome.documents, "steps": outcome.steps}.get(name)
        label = msg.LONG_PART.format(
            part=PART_NAMES.get(name, name),
            length=length,
            detail=msg.items(name, detail) if detail is not None else "",
        )
    if outcome.pages > 2:
        message = msg.STILL_TOO_LONG.format(why=label, pages=outcome.pages)
        return Problem(outcome.source, message, None, msg.STILL_TOO_LONG_HINT)
    message = msg.NOT_ONE_SIDE.format(why=label, rule=outcome.rule)
    if outcome.cut:
        cut = " », « ".join(FREE_TEXT[key] for key in outcome.cut)
        cause = msg.COUNTERS if name == "counters" else f"« {PART_NAMES.get(name, name)} »"
        hint = msg.FREE_TEXT_CUT_HINT.format(parts=cut, web=outcome.web, cause=cause)
    else:
        hint = msg.NOTHING_CUT_HINT
    return Problem(outcome.source, message, None, hint)


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
