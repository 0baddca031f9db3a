from datetime import time

import pytest

from guichet_plugins.procedures.hours import HoursErrors, format_time, parse_hours


def ranges(week, day_index):
    return [(r.start, r.end) for r in week.days[day_index].ranges]


@pytest.mark.parametrize(
    "lines, day, expected",
    [
        (
            ["lundi : 8h30-12h00, 13h30-17h30"],
            0,
            [(time(8, 30), time(12)), (time(13, 30), time(17, 30))],
        ),
        (["Lundi : 8h-12h"], 0, [(time(8), time(12))]),
        (["mardi : 8:30-12:00"], 1, [(time(8, 30), time(12))]),
        (["mercredi : de 8 h 30 à 12 h"], 2, [(time(8, 30), time(12))]),
        (["jeudi : 14h-17h et 9h-12h"], 3, [(time(9), time(12)), (time(14), time(17))]),
        (["du lundi au vendredi : 9h-12h"], 4, [(time(9), time(12))]),
        (["lundi-vendredi : 9h-12h"], 2, [(time(9), time(12))]),
        (["lundi, jeudi : 9h-12h"], 3, [(time(9), time(12))]),
        (["samedi : 9h-12h", "dimanche : fermé"], 6, []),
        (["lundi : 9h-12h"], 5, []),
    ],
)
def test_parses_good_hours(lines, day, expected):
    assert ranges(parse_hours(lines), day) == expected


@pytest.mark.parametrize(
    "lines, message",
    [
        (["lundi 8h30-12h"], "jour : horaires"),
        (["lundy : 8h-12h"], "« lundy » n'est pas un jour"),
        (["lundi : 8h30"], "n'est pas une plage horaire"),
        (["lundi : 25h-26h"], "n'est pas une heure valide"),
        (["lundi : 12h-8h"], "l'heure de fin doit venir après"),
        (["lundi : 8h-12h, 11h-14h"], "se chevauchent"),
        (["lundi : 8h-12h", "lundi : 14h-16h"], "apparaît deux fois"),
        (["du vendredi au lundi : 8h-12h"], "le premier jour doit venir avant"),
        (["lundi : fermé"], "Aucun jour d'ouverture"),
    ],
)
def test_rejects_bad_hours_in_french(lines, message):
    with pytest.raises(ValueError, match=message):
        parse_hours(lines)


def test_day_text_reads_as_french():
    week = parse_hours(["lundi : 8h30-12h, 13h30-17h30"])
    assert week.days[0].text == "de 8 h 30 à 12 h et de 13 h 30 à 17 h 30"
    assert week.days[1].text == "fermé"
    assert [d.day for d in week.open_days] == ["lundi"]


@pytest.mark.parametrize(
    "value, text", [(time(8, 30), "8 h 30"), (time(12), "12 h"), (time(9, 5), "9 h 05")]
)
def test_format_time(value, text):
    assert format_time(value) == text


def test_appointment_after_a_range():
    week = parse_hours(["mardi : 9h-12h, 14h-17h sur rendez-vous"])
    tuesday = week.days[1]
    assert [(r.start, r.end, r.appointment) for r in tuesday.ranges] == [
        (time(9), time(12), False),
        (time(14), time(17), True),
    ]
    assert tuesday.text == "de 9 h à 12 h et de 14 h à 17 h sur rendez-vous"


@pytest.mark.parametrize(
    "value",
    [
        "sur rendez-vous",
        "Sur rendez-vous",
        "sur RDV",
        "(sur rendez vous)",
        "uniquement sur rendez-vous",
    ],
)
def test_appointment_as_a_day_s_value(value):
    week = parse_hours(["lundi : 9h-12h", f"mercredi : {value}"])
    wednesday = week.days[2]
    assert wednesday.appointment and wednesday.is_open and not wednesday.ranges
    assert wednesday.text == "sur rendez-vous"
    assert [d.day for d in week.open_days] == ["lundi", "mercredi"]
    assert not week.appointment


def test_appointment_for_a_whole_counter():
    week = parse_hours(["sur rendez-vous"])
    assert week.appointment and not week.open_days
    week = parse_hours(["du lundi au vendredi : 9h-12h", "Sur rendez-vous uniquement"])
    assert week.appointment and len(week.open_days) == 5


def test_every_bad_line_is_reported_with_its_index():
    with pytest.raises(HoursErrors) as raised:
        parse_hours(["lundi 8h", "mardi : 9h-12h", "mercredi : 25h-26h", "jeudy : 9h-12h"])
    assert [index for index, _ in raised.value.problems] == [0, 2, 3]
    assert "jeudy" in raised.value.problems[2][1]
