"""The ``Champ: valeur`` header staff write at the top of a content file (pure, no Pelican).

The rules fit in a few lines, and every departure from them is a problem with its line number,
never a silent change to what residents read:

- a field is ``Name: value`` (a space before the colon is fine); names are matched without case
  and without accents (``Vérifié-le`` is ``verifie-le``);
- a value continues on the following lines indented by any number of spaces or a tab;
- blank lines inside the header are allowed: the header goes on while the next line is a known
  field (or an indented continuation); the body starts at the first other line;
- a line of the header that is neither a field nor a continuation (``Cout Gratuit``), a field
  written twice, or a line of the first body paragraph that looks like a known field are
  problems.

``read_header(text)`` gives the fields with their line numbers, the body, the body's first line
and the problems. ``metadata(fields)`` gives what Python-Markdown's Meta extension gave Pelican:
lowercase ASCII keys, a string for a one-line value, a list of lines otherwise.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from guichet.accents import strip_accents
from guichet.messages import procedures as msg

MAX_BYTES = 200_000
"""Content files larger than this are refused before anything reads them (about 40 pages of
text; the largest procedure of the sample town is 3 KB)."""

LINES_KEY = "guichet-lines"
"""Metadata key (beside the fields) of ``{field key: line of its name}``."""
VALUE_LINES_KEY = "guichet-value-lines"
"""Metadata key of ``{field key: [line of each of its lines]}`` (hours: the bad line's number)."""
PROBLEMS_KEY = "guichet-problems"
"""Metadata key of the header's problems: ``[(line, message, hint, field)]``."""
RULES_KEY = "guichet-rules"
"""Which rules read the file (:func:`rules_stamp`): a reading kept in Pelican's content cache
under other rules is read again."""
HEADING_LINES_KEY = "guichet-heading-lines"
"""Metadata key of ``{text of a level-2 heading of the body (« Étapes »): its line}``, for the
messages about a section."""
SIDE_KEYS = frozenset({LINES_KEY, VALUE_LINES_KEY, PROBLEMS_KEY, RULES_KEY, HEADING_LINES_KEY})

_FIELD = re.compile(r"^(?P<name>[^\W\d_][\w-]*)[ \t]*:(?P<value>.*)$")
_NAME_ONLY = re.compile(r"^(?P<name>[^\W\d_][\w-]*)(?:[ \t]+(?P<value>\S.*))?$")
_CLOSE = 0.8
"""How alike a name must be to a known field to be taken for a misspelling of it."""


@dataclass
class Field:
    key: str
    """Lowercase, without accents: ``verifie-le``."""
    name: str
    """As written: ``Vérifié-le``."""
    line: int
    """Line of the ``Name:`` (1 is the first line of the file)."""
    values: list[str] = field(default_factory=list)
    """The value on the name's line, then each continuation line, stripped."""
    value_lines: list[int] = field(default_factory=list)
    """The line of each of ``values``."""


@dataclass(frozen=True)
class HeaderProblem:
    line: int
    message: str
    hint: str = ""
    field: str | None = None


@dataclass
class Header:
    fields: dict[str, Field]
    body: str
    """The text after the header (line endings normalised to ``\\n``)."""
    body_line: int
    """Line of the file where the body starts (the line after the last one if there is none)."""
    problems: list[HeaderProblem]

    @property
    def lines(self) -> dict[str, int]:
        """Field key → line number, for messages."""
        return {key: f.line for key, f in self.fields.items()}


def fold(name: str) -> str:
    """``Vérifié-le`` → ``verifie-le``: lowercase, accents removed."""
    return strip_accents(name.strip().casefold())


def normalise_text(text: str) -> str:
    """Without a byte-order mark, with ``\\n`` line endings (Windows Notepad writes ``\\r\\n``)."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _field_match(line: str) -> re.Match | None:
    match = _FIELD.match(line)
    if match is None or match.group("value").startswith("//"):  # https://… is not a field
        return None
    return match


def _close_to(key: str, known: Collection[str]) -> str | None:
    if not known:
        return None
    if key in known:
        return key
    found = difflib.get_close_matches(key, list(known), n=1, cutoff=_CLOSE)
    return found[0] if found else None


def read_header(
    text: str,
    known: Collection[str] | None = None,
    labels: dict[str, str] | None = None,
    strict: bool = False,
) -> Header:
    """Split ``text`` into its header fields and its body; list every problem with its line.

    ``known``: field keys of this kind of file (folded). Without it, any ``Name: value`` line
    after a blank line still belongs to the header, and nothing is taken for a misspelling.
    ``labels``: key → name as the guide writes it, for messages.
    ``strict`` (counters, procedures: every field is known): a line right under a field that is
    neither indented nor a known field (``mardi : 9h-12h`` at the margin, text without a blank
    line before it) is an error, read as the field's next line so nothing else is lost.
    """
    labels = labels or {}
    lines = normalise_text(text).split("\n")
    fields: dict[str, Field] = {}
    problems: list[HeaderProblem] = []
    current: Field | None = None
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1

    def label(key: str) -> str:
        return labels.get(key) or key.capitalize()

    def misspelt(line: str) -> str | None:
        """The known field a line that is not a field stands for: ``Cout Gratuit`` (no colon)
        or ``Verifie le: …`` (a space in the name) → the field's key."""
        if known is None:
            return None
        name, colon, _ = line.strip().partition(":")
        if colon and " " in name.strip() and len(name) <= 30:
            return _close_to(fold("-".join(name.split())), known)
        word = _NAME_ONLY.match(line.strip())
        return _close_to(fold(word.group("name")), known) if word else None

    def misspelt_problem(line: str, number: int, guess: str) -> HeaderProblem:
        name, colon, value = line.strip().partition(":")
        if colon and " " in name.strip():
            hint = msg.SPACE_IN_NAME_HINT.format(field=label(guess), value=value.strip() or "…")
            return HeaderProblem(
                number, msg.SPACE_IN_NAME.format(name=name.strip()), hint, label(guess)
            )
        value = _NAME_ONLY.match(line.strip()).group("value") or "…"
        hint = msg.NO_COLON_HINT.format(field=label(guess), value=value)
        return HeaderProblem(number, msg.NO_COLON.format(line=line.strip()), hint, label(guess))

    if index >= len(lines) or not (_field_match(lines[index]) or misspelt(lines[index])):
        return Header({}, "\n".join(lines[index:]), index + 1, [])

    def add(match: re.Match, number: int) -> Field | None:
        name = match.group("name")
        key = fold(name)
        if key in fields:
            first = fields[key]
            problems.append(
                HeaderProblem(
                    number,
                    msg.DUPLICATE_FIELD.format(field=name, first=first.line),
                    msg.DUPLICATE_FIELD_HINT,
                    name,
                )
            )
            return None
        found = Field(key, name, number, [match.group("value").strip()], [number])
        fields[key] = found
        return found

    body_start = len(lines)
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if not line.strip():
            following = index + 1
            while following < len(lines) and not lines[following].strip():
                following += 1
            if following >= len(lines):
                body_start = following
                break
            nxt = lines[following]
            match = _field_match(nxt)
            if match and (known is None or fold(match.group("name")) in known):
                index = following
                continue
            if nxt[:1] in (" ", "\t") and current is not None:  # a value's line after a gap
                index = following
                continue
            if not match and misspelt(nxt):  # « Cout Gratuit » after a blank line
                index = following
                continue
            body_start = following
            break
        if line[:1] in (" ", "\t"):
            if current is not None:
                current.values.append(line.strip())
                current.value_lines.append(number)
            index += 1
            continue
        match = _field_match(line)
        unknown = (
            match is not None
            and known is not None
            and _close_to(fold(match.group("name")), known) is None
        )
        if match and not (strict and unknown and current is not None):
            current = add(match, number)
            index += 1
            continue
        # A line of the header that is neither a field nor a value's continuation.
        guess = misspelt(line) if match is None else None
        if guess is not None:
            problems.append(misspelt_problem(line, number, guess))
            current = None
            index += 1
            continue
        if strict and current is not None:
            hint = msg.NOT_INDENTED_HINT.format(field=current.name)
            problems.append(
                HeaderProblem(
                    number,
                    msg.NOT_INDENTED.format(line=line.strip(), field=current.name),
                    hint,
                    current.name,
                )
            )
            current.values.append(line.strip())
            current.value_lines.append(number)
            index += 1
            continue
        body_start = index  # the text starts without a blank line before it
        break

    if known:
        problems += _fields_in_body(lines, body_start, known, label)
    body = "\n".join(lines[body_start:])
    problems.sort(key=lambda p: p.line)
    return Header(fields, body, body_start + 1, problems)


def _fields_in_body(lines: list[str], start: int, known: Collection[str], label) -> list:
    """Lines of the first body paragraph that look like a field: they would be published as
    text (usually a blank line or a typo cut them off the header)."""
    problems = []
    strangers = []  # field-like lines with a name of no field: what cut the header off, if any
    index = start
    while index < len(lines) and lines[index].strip():
        line = lines[index].strip()
        match = _field_match(line)
        if match and match.group("value").strip():
            guess = _close_to(fold(match.group("name")), known)
            if guess is not None:
                problems.append(
                    HeaderProblem(
                        index + 1,
                        msg.FIELD_IN_BODY.format(line=line, field=label(guess)),
                        msg.FIELD_IN_BODY_HINT.format(field=label(guess)),
                        label(guess),
                    )
                )
            elif not problems:
                strangers.append((index + 1, match.group("name")))
        index += 1
    if problems:  # the header was cut off there: say which name no field has
        names = ", ".join(sorted({label(key) for key in known}))
        for number, name in strangers:
            hint = msg.UNKNOWN_FIELD_HINT_NO_SUGGESTION.format(known=names)
            problems.append(HeaderProblem(number, msg.UNKNOWN_FIELD_CUT.format(field=name), hint))
    return problems


def metadata(fields: dict[str, Field]) -> dict[str, str | list[str]]:
    """As the Meta extension gave it: one line → a string, several → the list of lines."""
    return {
        key: (f.values[0] if len(f.values) == 1 else list(f.values)) for key, f in fields.items()
    }


@functools.cache
def rules_stamp() -> str:
    """A digest of the code that turns a file's text into fields and HTML (this module, the
    list rules, the Pelican reader, the accent folding of field names): Pelican's content cache
    is keyed by the file's bytes only, so an unchanged file read under older rules must not keep
    what those rules made of it."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("header.py", "lists.py", "reader.py", "accents.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def side_metadata(header: Header) -> dict:
    """Line numbers and problems, to travel beside the fields (``metadata``) through Pelican."""
    side: dict = {
        RULES_KEY: rules_stamp(),
        LINES_KEY: header.lines,
        VALUE_LINES_KEY: {key: list(f.value_lines) for key, f in header.fields.items()},
    }
    if header.problems:
        side[PROBLEMS_KEY] = [(p.line, p.message, p.hint, p.field) for p in header.problems]
    return side
