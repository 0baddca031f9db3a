"""Notices: dated messages shown as a banner on every page while they are active. Pure.

A notice is a file of ``content/avis/`` with a ``Champ: valeur`` header::

    Texte: La mairie sera fermée lundi 7 décembre (grève).
    Debut: 01/12/2026
    Fin: 07/12/2026
    Lien: /guichets/mairie/

The build date decides (no script): a notice appears on the first build on or after ``Debut``
and disappears on the first build after ``Fin``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from guichet.messages import Problem
from guichet.messages import notices as msg
from guichet_plugins.procedures.closures import Closure
from guichet_plugins.procedures.dates import DATE_EXAMPLE, format_date_fr, parse_date
from guichet_plugins.town.header import read_header

LABELS = {"texte": "Texte", "debut": "Debut", "fin": "Fin", "lien": "Lien"}
EXAMPLES = {
    "texte": "La mairie sera fermée lundi 7 décembre (grève).",
    "debut": DATE_EXAMPLE,
    "fin": DATE_EXAMPLE,
    "lien": "/guichets/mairie/",
}
TEXT_LIMIT = 200


@dataclass(frozen=True)
class Notice:
    text: str
    start: date | None
    end: date
    link: str | None = None
    source: str = ""

    def active(self, today: date) -> bool:
        return (self.start is None or self.start <= today) and today <= self.end


@dataclass
class Parsed:
    notice: Notice | None = None
    errors: list[Problem] = field(default_factory=list)


def parse_notice(text: str, source: str) -> Parsed:
    """A notice from its file's text; every problem names ``source:line`` and the field."""
    result = Parsed()
    fields, problems = read_header(text, LABELS)

    def error(line: int, key: str | None, message: str, hint: str = "") -> None:
        result.errors.append(Problem(f"{source}:{line}", message, LABELS.get(key, key), hint))

    def example(key: str) -> str:
        return msg.EXAMPLE.format(field=LABELS[key], example=EXAMPLES[key])

    for problem in problems:
        error(problem.line, problem.field, problem.message, problem.hint)
    values: dict[str, tuple[int, str]] = {}
    for item in fields:
        if item.key not in LABELS:
            known = ", ".join(LABELS.values())
            error(item.line, None, msg.UNKNOWN.format(field=item.label, known=known))
        elif not item.text:
            error(item.line, item.key, msg.EMPTY.format(field=LABELS[item.key]), example(item.key))
        else:
            values[item.key] = (item.line, item.text)
    for key in ("texte", "fin"):
        if key not in values and not any(f.key == key for f in fields):
            error(1, key, msg.MISSING.format(field=LABELS[key]), example(key))

    dates: dict[str, date] = {}
    for key in ("debut", "fin"):
        if key in values:
            line, value = values[key]
            try:
                dates[key] = parse_date(value)
            except ValueError as problem:
                error(line, key, str(problem), example(key))
    if "debut" in dates and "fin" in dates and dates["fin"] < dates["debut"]:
        start, end = (format_date_fr(dates[k]) for k in ("debut", "fin"))
        error(
            values["fin"][0],
            "fin",
            msg.END_BEFORE_START.format(start=start, end=end),
            msg.END_BEFORE_START_HINT,
        )
    if "texte" in values and len(values["texte"][1]) > TEXT_LIMIT:
        line, value = values["texte"]
        length = len(value)
        error(
            line, "texte", msg.LONG_TEXT.format(length=length, limit=TEXT_LIMIT), msg.LONG_TEXT_HINT
        )
    link = None
    if "lien" in values:
        line, link = values["lien"]
        local = link.startswith("/") and not link.startswith("//")
        if not (local or link.startswith("https://")) or " " in link:
            error(line, "lien", msg.BAD_LINK.format(value=link), msg.BAD_LINK_HINT)
    if not result.errors and "texte" in values and "fin" in dates:
        result.notice = Notice(values["texte"][1], dates.get("debut"), dates["fin"], link, source)
    return result


def closure_notices(
    counter_name: str, counter_url: str, closures: tuple[Closure, ...], today: date, days: int
) -> list[Notice]:
    """The counter's exceptional closures that are not over and start within ``days`` days."""
    horizon = today + timedelta(days=days)
    return [
        Notice(
            msg.CLOSURE.format(counter=counter_name, when=closure.text, reason=closure.reason),
            None,
            closure.end,
            counter_url,
        )
        for closure in closures
        if closure.end >= today and closure.start <= horizon
    ]


def banner(notices: list[Notice], today: date) -> list[Notice]:
    """What the banner shows on ``today``: active notices, soonest to end first."""
    shown = [n for n in notices if n.active(today)]
    return sorted(shown, key=lambda n: (n.end, n.text))
