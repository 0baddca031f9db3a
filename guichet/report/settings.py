"""The content report's settings (``make verifier``): defaults here, documented in
pelicanconf.py. Staleness is the build's own setting (GUICHET_STALE_MONTHS, plugins/procedures)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guichet.keys import Key, read
from guichet_plugins.procedures.settings import STALE_MONTHS, ProceduresSettings


@dataclass(frozen=True)
class Limits:
    """What the report's readability and staleness checks allow (guichet/report/checks.py)."""

    stale_months: int = STALE_MONTHS
    sentence_words: int = 25
    paragraph_words: int = 60
    min_score: int = 60


_DEFAULTS = Limits()
KEYS = (
    Key("GUICHET_STALE_SOON_DAYS", 30, "int"),
    Key("GUICHET_SENTENCE_MAX_WORDS", _DEFAULTS.sentence_words, "int"),
    Key("GUICHET_PARAGRAPH_MAX_WORDS", _DEFAULTS.paragraph_words, "int"),
    Key("GUICHET_READABILITY_MIN", _DEFAULTS.min_score, "int"),
)


def limits_from(settings: Mapping[str, Any]) -> Limits:
    value = read(settings, KEYS)
    return Limits(
        stale_months=ProceduresSettings.from_pelican(settings).stale_months,
        sentence_words=value["GUICHET_SENTENCE_MAX_WORDS"],
        paragraph_words=value["GUICHET_PARAGRAPH_MAX_WORDS"],
        min_score=value["GUICHET_READABILITY_MIN"],
    )


def soon_days(settings: Mapping[str, Any]) -> int:
    """« Bientôt à revoir »: procedures that become stale within this many days."""
    return int(read(settings, KEYS)["GUICHET_STALE_SOON_DAYS"])
