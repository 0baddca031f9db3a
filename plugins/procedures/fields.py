"""Reading metadata fields as staff write them, with French problems for each mistake.

Pure: no Pelican here. Metadata comes from Python-Markdown's Meta extension, as Pelican's
Markdown reader gives it: lowercase keys, a string or (for multi-line values) a list of strings.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from guichet.messages import Problem
from guichet.messages import procedures as msg

T = TypeVar("T")

PELICAN_KEYS = {"reader", "lang", "status", "date", "modified", "slug", "template"}
"""Keys Pelican itself may add or understand; never reported as unknown."""


@dataclass
class FieldReader:
    """Reads fields of one file and collects every problem instead of stopping at the first."""

    meta: Mapping[str, Any]
    source: str
    labels: Mapping[str, str]
    """Field key (lowercase) → label as staff write it (``verifie-le`` → ``Verifie-le``)."""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, key: str | None, message: str, hint: str = "") -> None:
        self.errors.append(Problem(self.source, message, self.labels.get(key, key), hint))

    def warning(self, key: str | None, message: str, hint: str = "") -> None:
        self.warnings.append(Problem(self.source, message, self.labels.get(key, key), hint))

    def lines(self, key: str) -> list[str]:
        value = self.meta.get(key)
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        return [str(v).strip() for v in values if str(v).strip()]

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
            self.error(key, str(error), self.example(key, example))
            return None

    def missing(self, key: str, example: str) -> None:
        self.error(
            key, msg.MISSING_FIELD.format(field=self.labels[key]), self.example(key, example)
        )

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
            self.warning(None, msg.UNKNOWN_FIELD.format(field=key.capitalize()), hint)


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
