"""The shortening rule and the text helpers of a flyer: pure functions, tables of cases."""

from __future__ import annotations

import pytest
from print.fit import (
    CUTS,
    LEVELS,
    cuts_at,
    first_sentence,
    make_flyer,
    web_address,
    without_images,
)

from guichet.messages.print import length

DOCS = [f"Pièce {n}" for n in range(1, 11)]
STEPS = [f"Étape {n}. Puis autre chose." for n in range(1, 11)]


def test_level_zero_shows_everything():
    flyer = make_flyer(0, DOCS, STEPS, who="<p>Tous</p>", good_to_know="<p>Astuce</p>")
    assert flyer.documents == tuple(DOCS) and flyer.steps == tuple(STEPS)
    assert flyer.who and flyer.good_to_know and flyer.hours_for is None
    assert not flyer.abridged and flyer.documents_more == flyer.steps_more == 0


@pytest.mark.parametrize(
    ("level", "who", "good", "short", "hours_for", "limit"),
    [
        (1, True, False, False, None, None),
        (2, False, False, False, None, None),
        (3, False, False, True, None, None),
        (4, False, False, True, 1, None),
        (5, False, False, True, 1, 8),
        (6, False, False, True, 1, 5),
        (7, False, False, True, 1, 3),
    ],
)
def test_each_level_keeps_the_cuts_of_the_previous_ones(level, who, good, short, hours_for, limit):
    flyer = make_flyer(level, DOCS, STEPS, "<p>Tous</p>", "<p>Astuce</p>", counters=2)
    assert bool(flyer.who) is who and bool(flyer.good_to_know) is good
    assert flyer.hours_for == hours_for
    kept = limit or len(DOCS)
    assert len(flyer.documents) == len(flyer.steps) == kept
    assert flyer.documents_more == flyer.steps_more == len(DOCS) - kept
    assert (flyer.steps[0] == "Étape 1.") is short
    assert flyer.abridged and len(flyer.cuts) == min(level, 5)  # one list limit announced


def test_cuts_that_change_nothing_are_not_announced():
    flyer = make_flyer(LEVELS - 1, ["Une pièce"], ["Une étape."], None, None, counters=1)
    assert flyer.cuts == () and not flyer.abridged


def test_levels_cover_every_cut_and_reject_others():
    assert len(CUTS) + 1 == LEVELS and cuts_at(0) == ()
    with pytest.raises(ValueError):
        cuts_at(LEVELS)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Venez. Apportez vos pièces.", "Venez."),
        ("Une seule phrase sans point", "Une seule phrase sans point"),
        (
            "Voir <a href='x'>le site. Officiel</a>. Ensuite payez.",
            "Voir <a href='x'>le site. Officiel</a>.",
        ),
        ("Le 1er janvier. Puis", "Le 1er janvier."),
        ("Prix : 25 €. 3 semaines de délai.", "Prix : 25 €."),
        ("Pas de majuscule. ensuite", "Pas de majuscule. ensuite"),
    ],
)
def test_first_sentence_never_cuts_inside_a_tag(html, expected):
    assert first_sentence(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p><img src="a.jpg" alt="x"></p><p>Texte</p>', "<p>Texte</p>"),
        ('Avant <img src="a.jpg"> après', "Avant  après"),
        ("<figure><p><img src=a.jpg></p></figure>", ""),
        ("<p>Rien</p>", "<p>Rien</p>"),
        ('<p><picture><source srcset="a.webp"><img src="a.jpg"></picture></p>', ""),
    ],
)
def test_flyers_leave_photos_out(html, expected):
    assert without_images(html) == expected


@pytest.mark.parametrize(
    ("public", "path", "expected"),
    [
        ("https://www.val-daurore.fr", "demarches/x/", "www.val-daurore.fr/demarches/x/"),
        ("https://www.val-daurore.fr/", "/demarches/x/", "www.val-daurore.fr/demarches/x/"),
        ("http://mairie.example/", "demarches/x/", "mairie.example/demarches/x/"),
        (" https://a.fr ", "b/", "a.fr/b/"),
    ],
)
def test_web_address_is_written_without_scheme(public, path, expected):
    assert web_address(public, path) == expected


@pytest.mark.parametrize(
    ("mm", "text"),
    [(0.3, "1 mm"), (6.4, "6 mm"), (10, "1 cm"), (27.9, "2,8 cm"), (120, "12 cm")],
)
def test_overflow_lengths_read_as_staff_measure_paper(mm, text):
    assert length(mm) == text
