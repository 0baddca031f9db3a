"""What a flyer says, built from a procedure (plugins/print/content.py): every block of the
documents and steps, the introduction and the other sections as free text, hours that never
break inside a time and days in a row as one range. Pure: no build."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest

from guichet_plugins.print.content import NBSP, _hours, day_names, source_of, unbroken_times
from guichet_plugins.print.fit import HEADING, ITEM, NOTE, make_flyer
from guichet_plugins.procedures.hours import parse_hours
from guichet_plugins.procedures.sections import split_sections

BODY = """Cette démarche se fait en personne. Aucune demande par courrier.

## Qui est concerné

Tout le monde.

## Pièces à fournir

- Une pièce d'identité
- Un acte de naissance

Pour un enfant mineur, apportez aussi le livret de famille.

### Si vous êtes né à l'étranger

- Une traduction de l'acte

## Étapes

1. Remplissez le formulaire.
2. Prenez rendez-vous.

Attendez la confirmation.

3. Venez au guichet.

## Bon à savoir

Valable 3 mois.

## Tarifs &amp; aides

La première demande est gratuite. Un duplicata coûte 10 €.

## Recours

Écrivez au maire.
"""


def procedure(body: str = BODY):
    """What source_of reads of a procedure: its sections, as the procedures plugin cuts them."""
    split = split_sections(markdown.markdown(body, extensions=["extra", "sane_lists"]))
    return SimpleNamespace(
        sections={s.key: s for s in split if s.key != "other"},
        other_sections=[s for s in split if s.key == "other"],
        url="demarches/x/",
    )


def test_every_block_of_the_documents_and_steps_is_kept_in_order():
    source = source_of(procedure(), "https://www.val-daurore.fr/")
    assert [(e.kind, e.html) for e in source.documents] == [
        (ITEM, "Une pièce d'identité"),
        (ITEM, "Un acte de naissance"),
        (NOTE, "<p>Pour un enfant mineur, apportez aussi le livret de famille.</p>"),
        (HEADING, "Si vous êtes né à l'étranger"),
        (ITEM, "Une traduction de l'acte"),
    ]
    assert [(e.kind, e.number) for e in source.steps] == [
        (ITEM, 1),
        (ITEM, 2),
        (NOTE, None),
        (ITEM, 3),
    ]


def test_the_introduction_and_other_sections_are_free_text_in_order():
    source = source_of(procedure(), "https://www.val-daurore.fr/")
    assert [(p.key, p.label, p.heading) for p in source.lead] == [
        ("intro", "Introduction", ""),
        ("who", "Qui est concerné", "Qui est concerné"),
    ]
    assert [(p.key, p.label, p.heading) for p in source.more] == [
        ("good_to_know", "Bon à savoir", "Bon à savoir"),
        ("other:tarifs-aides", "Tarifs & aides", "Tarifs &amp; aides"),
        ("other:recours", "Recours", "Recours"),
    ]
    shortened = make_flyer(2, source)  # parts of one sentence are kept whole
    assert shortened.cut == ("intro", "other:tarifs-aides")
    assert "(« Introduction », « Tarifs & aides ») réduit à sa première phrase" in shortened.rule
    left_out = make_flyer(3, source)
    assert left_out.cut == tuple(p.key for p in (*source.lead, *source.more))
    assert all(p.html is None for p in left_out.free)


def test_two_sections_with_the_same_heading_are_two_parts():
    body = "## Pièces à fournir\n\n- A\n\n## Recours\n\nUn.\n\n## Recours\n\nDeux.\n"
    keys = [p.key for p in source_of(procedure(body), "https://x.fr/").more]
    assert keys == ["other:recours", "other:recours-2"]


def test_a_heading_is_named_by_the_text_a_reader_sees():
    """The label that names a cut section in the build's warning, from a heading with markup, an
    entity and a comment holding « > » (which a tag-stripping regex left as « b --> »)."""
    body = "## Tarifs &amp; *aides* <!-- a > b --> 2026\n\nGratuit.\n"
    (part,) = source_of(procedure(body), "https://x.fr/").more
    assert part.label == "Tarifs & aides 2026"


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
