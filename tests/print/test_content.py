"""What a flyer says, built from a procedure (plugins/print/content.py): hours that never break
inside a time range and days in a row as one range. Pure: no build."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from guichet_plugins.print.content import NBSP, _hours, day_names, unbroken_times
from guichet_plugins.procedures.hours import parse_hours


@pytest.mark.parametrize(
    ("days", "label"),
    [
        (["lundi", "mardi", "mercredi", "jeudi", "vendredi"], "Du lundi au vendredi"),
        (["lundi", "mercredi"], "Lundi, mercredi"),
        (["lundi", "mardi"], "Lundi, mardi"),
        (["lundi", "mercredi", "jeudi", "vendredi"], "Lundi, du mercredi au vendredi"),
        (["mardi", "mercredi", "jeudi", "samedi"], "Du mardi au jeudi, samedi"),
        (["samedi"], "Samedi"),
    ],
)
def test_days_with_the_same_hours_read_as_people_say_them(days, label):
    assert day_names(days) == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 h 30 à 12 h", "8 h 30 à 12 h"),
        ("9 h à 11 h 30 sur rendez-vous", "9 h à 11 h 30|sur|rendez-vous"),
        ("sur rendez-vous", "sur|rendez-vous"),
    ],
)
def test_a_time_range_never_breaks_inside(text, expected):
    assert unbroken_times(text).replace(NBSP, " ").replace(" ", "|") == text.replace(" ", "|")
    # Where a line may still break (an ordinary space), shown as « | »:
    assert unbroken_times(text).replace(" ", "|").replace(NBSP, " ") == expected


def test_many_counters_print_one_row_per_set_of_hours():
    lines = [
        "du lundi au vendredi : 8h30-12h00, 13h30-17h30",
        "samedi : 9h-11h30",
    ]
    counter = SimpleNamespace(data=SimpleNamespace(hours=parse_hours(lines)))
    rows = [
        (day, tuple(r.replace(NBSP, " ") for r in ranges)) for day, ranges in _hours(counter, True)
    ]
    assert rows == [
        ("Du lundi au vendredi", ("8 h 30 à 12 h", "13 h 30 à 17 h 30")),
        ("Samedi", ("9 h à 11 h 30",)),
    ]
    assert len(_hours(counter, False)) == 6  # one or two counters: a row a day
