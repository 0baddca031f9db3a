"""Reading metadata fields as staff write them, with French problems for each mistake.

Pure: no Pelican here. Metadata comes from Guichet's header reader (guichet/header.py) as the
Pelican reader gives it: lowercase keys without accents, a string or (for multi-line values) a
list of strings, plus the line numbers of each field and the header's own problems on the side
(``LINES_KEY``, ``VALUE_LINES_KEY``, ``PROBLEMS_KEY``): every message names ``file:line``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from guichet.header import LINES_KEY, PROBLEMS_KEY, SIDE_KEYS, VALUE_LINES_KEY
from guichet.messages import Problem
from guichet.messages import procedures as msg

T = TypeVar("T")

PELICAN_KEYS = {"reader", "lang", "status", "date", "modified", "slug", "template", *SIDE_KEYS}
"""Keys Pelican itself (or our reader, on the side) may add; never reported as unknown."""


class LineErrors(ValueError):
    """Every bad line of a multi-line field: ``(index in the lines, French message)``; the index
    is None for a problem of the whole field. FieldReader names each line of the file."""

    def __init__(self, problems: list[tuple[int | None, str]]):
        self.problems = problems
        super().__init__(" ".join(message for _, message in problems))


@dataclass
class FieldReader:
    """Reads fields of one file and collects every problem instead of stopping at the first."""

    meta: Mapping[str, Any]
    source: str
    labels: Mapping[str, str]
    """Field key (lowercase) → label as staff write it (``verifie-le`` → ``Verifie-le``)."""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    _named: set = field(default_factory=set)
    """Fields the header reader already reported (not also « il manque »)."""

    def where(self, key: str | None, line: int | None = None) -> str:
        """``content/guichets/annexe.md:7``: the field's line (or ``line``), as editors show it."""
        if line is None and key is not None:
            line = self.meta.get(LINES_KEY, {}).get(key)
        return f"{self.source}:{line}" if line else self.source

    def error(self, key: str | None, message: str, hint: str = "", line: int | None = None):
        label = self.labels.get(key, key)
        self.errors.append(Problem(self.where(key, line), message, label, hint))

    def warning(self, key: str | None, message: str, hint: str = "", line: int | None = None):
        label = self.labels.get(key, key)
        self.warnings.append(Problem(self.where(key, line), message, label, hint))

    def header_problems(self) -> None:
        """The problems the header reader found (no colon, duplicate field, field in the text)."""
        for line, message, hint, label in self.meta.get(PROBLEMS_KEY, ()):
            self.errors.append(Problem(self.where(None, line), message, label, hint))
            self._named.add(label)

    def numbered(self, key: str) -> list[tuple[int | None, str]]:
        """The non-empty lines of a field, each with its line in the file (None if unknown)."""
        value = self.meta.get(key)
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        known = self.meta.get(VALUE_LINES_KEY, {}).get(key, [])
        numbers = list(known) if len(known) == len(values) else [None] * len(values)
        return [(n, str(v).strip()) for n, v in zip(numbers, values, strict=True) if str(v).strip()]

    def lines(self, key: str) -> list[str]:
        return [text for _, text in self.numbered(key)]

    def text(self, key: str, example: str, required: bool = True) -> str | None:
        """A one-line field (continuation lines are joined with a space)."""
        if key not in self.meta:
            if required:
                self.missing(key, example)
            return None
        value = " ".join(self.lines(key))
        if msg.PLACEHOLDER in value:
            self.error(key, msg.NOT_FILLED.format(field=self.labels[key]), msg.NOT_FILLED_HINT)
            return None
        if not value:
            self.error(
                key, msg.EMPTY_FIELD.format(field=self.labels[key]), self.example(key, example)
            )
            return None
        return value

    def parsed(
        self,
        key: str,
        parse: Callable[[Any], T],
        example: str,
        required: bool = True,
        multiline: bool = False,
    ) -> T | None:
        """Apply ``parse`` (raising ValueError with a French message) to a field."""
        if multiline:
            if key not in self.meta:
                if required:
                    self.missing(key, example)
                return None
            raw: Any = self.lines(key)
            if any(msg.PLACEHOLDER in line for line in raw):
                self.error(key, msg.NOT_FILLED.format(field=self.labels[key]), msg.NOT_FILLED_HINT)
                return None
            if not raw:
                self.error(
                    key, msg.EMPTY_FIELD.format(field=self.labels[key]), self.example(key, example)
                )
                return None
        else:
            raw = self.text(key, example, required)
            if raw is None:
                return None
        try:
            return parse(raw)
        except ValueError as error:
            per_line = getattr(error, "problems", None)
            if not (multiline and per_line):
                self.error(key, str(error), self.example(key, example))
                return None
            numbers = [n for n, _ in self.numbered(key)]
            for index, message in per_line:  # every bad line, each with its own line number
                line = numbers[index] if index is not None else None
                self.error(key, message, self.example(key, example), line)
            return None

    def missing(self, key: str, example: str) -> None:
        if self.labels[key] in self._named:  # « Cout Gratuit »: said once, with its line
            return
        self.error(
            key,
            msg.MISSING_FIELD.format(field=self.labels[key]),
            self.example(key, example),
            self.header_end(),
        )

    def header_end(self) -> int | None:
        """The line after the header's last line: where a missing field is to be written."""
        last = [max(lines) for lines in self.meta.get(VALUE_LINES_KEY, {}).values() if lines]
        last += self.meta.get(LINES_KEY, {}).values()
        return max(last) + 1 if last else None

    def example(self, key: str, example: str) -> str:
        return msg.EXAMPLE.format(field=self.labels[key], example=example)

    def report_unknown(self) -> None:
        """Warn about fields nobody reads: usually a typo that silently loses information."""
        known = sorted(self.labels.values())
        for key in self.meta:
            if key in self.labels or key in PELICAN_KEYS:
                continue
            close = difflib.get_close_matches(key, list(self.labels), n=1, cutoff=0.6)
            hint = (
                msg.UNKNOWN_FIELD_HINT.format(
                    suggestion=self.labels[close[0]], known=", ".join(known)
                )
                if close
                else msg.UNKNOWN_FIELD_HINT_NO_SUGGESTION.format(known=", ".join(known))
            )
            line = self.meta.get(LINES_KEY, {}).get(key)
            self.warning(None, msg.UNKNOWN_FIELD.format(field=key.capitalize()), hint, line)


def parse_yes_no(value: str) -> bool:
    plain = value.strip().lower()
    if plain in {"oui", "o", "yes", "vrai"}:
        return True
    if plain in {"non", "n", "no", "faux"}:
        return False
    raise ValueError(msg.BAD_YES_NO.format(value=value))


def parse_email(value: str) -> str:
    local, at, domain = value.strip().partition("@")
    if not (local and at and "." in domain) or " " in value.strip():
        raise ValueError(msg.BAD_EMAIL.format(value=value))
    return value.strip()


def parse_url(value: str) -> str:
    url = value.strip()
    if not url.startswith("https://") or " " in url or len(url) <= len("https://x."):
        raise ValueError(msg.BAD_URL.format(value=value))
    return url


def parse_list(value: str) -> tuple[str, ...]:
    items = tuple(part.strip() for part in value.replace(";", ",").split(",") if part.strip())
    if not items:
        raise ValueError("La liste est vide.")
    return items
