"""Long lists cut into pages (plugins/procedures/listing.py): pure functions, no build."""

from dataclasses import dataclass

import pytest

from guichet_plugins.procedures.listing import (
    OTHER,
    Part,
    by_initial,
    chunks,
    initial,
    make_letters,
    make_parts,
    part_save_as,
    part_url,
    preview,
)


@dataclass
class Item:
    title: str
    popular: bool = False


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acte de naissance", "A"),
        ("État civil", "E"),
        ("élections", "E"),
        ("Œuvres sociales", "O"),
        ("  Zone bleue", "Z"),
        ("1er emploi", OTHER),
        ("« Pass » culture", OTHER),
        ("", OTHER),
    ],
)
def test_initial_is_the_letter_a_french_reader_files_a_title_under(title, expected):
    assert initial(title) == expected


def test_by_initial_keeps_order_within_a_letter_and_puts_other_initials_last():
    items = [Item("1er emploi"), Item("Banc"), Item("Écrire"), Item("Acte"), Item("Étang")]
    groups = by_initial(items)
    assert list(groups) == ["A", "B", "E", OTHER]
    assert [i.title for i in groups["E"]] == ["Écrire", "Étang"]


@pytest.mark.parametrize(
    ("count", "size", "lengths"),
    [(0, 3, [0]), (3, 3, [3]), (4, 3, [3, 1]), (7, 3, [3, 3, 1]), (5, 0, [1] * 5)],
)
def test_chunks_never_exceed_the_size_and_lose_nothing(count, size, lengths):
    runs = chunks(list(range(count)), size)
    assert [len(r) for r in runs] == lengths
    assert [x for run in runs for x in run] == list(range(count))


@pytest.mark.parametrize(
    ("url", "save_as", "number", "expected_url", "expected_save_as"),
    [
        (
            "themes/papiers/",
            "themes/papiers/index.html",
            1,
            "themes/papiers/",
            "themes/papiers/index.html",
        ),
        (
            "themes/papiers/",
            "themes/papiers/index.html",
            2,
            "themes/papiers/2/",
            "themes/papiers/2/index.html",
        ),
        (
            "demarches/a-z/r/",
            "demarches/a-z/r/index.html",
            4,
            "demarches/a-z/r/4/",
            "demarches/a-z/r/4/index.html",
        ),
    ],
)
def test_part_n_lives_beneath_the_list_and_part_1_is_the_list_itself(
    url, save_as, number, expected_url, expected_save_as
):
    assert part_url(url, number) == expected_url
    assert part_save_as(save_as, number) == expected_save_as


def test_a_short_list_is_one_part_at_its_own_url():
    items = [Item(f"Démarche {n}") for n in range(5)]
    parts = make_parts(items, 100, "themes/x/", "themes/x/index.html")
    assert len(parts) == 1 and parts[0].url == "themes/x/" and parts[0].procedures == items


def test_letters_cut_a_long_letter_into_parts_and_cover_every_item_once():
    items = [Item(f"Réserver {n:03d}") for n in range(250)] + [Item("Acte"), Item("Zone")]
    items.sort(key=lambda i: i.title)
    letters = make_letters(
        items, 100, "demarches/a-z/{letter}/", "demarches/a-z/{letter}/index.html"
    )
    assert [letter.letter for letter in letters] == ["A", "R", "Z"]
    r = letters[1]
    assert [len(p.procedures) for p in r.parts] == [100, 100, 50]
    assert [p.url for p in r.parts] == [
        "demarches/a-z/r/",
        "demarches/a-z/r/2/",
        "demarches/a-z/r/3/",
    ]
    assert r.url == "demarches/a-z/r/" and r.slug == "r"
    shown = [i for letter in letters for part in letter.parts for i in part.procedures]
    assert sorted(map(id, shown)) == sorted(map(id, items))


@pytest.mark.parametrize(
    ("titles", "guide"),
    [
        (
            ["Réserver une salle municipale", "Résilier un abonnement"],
            "Réserver une salle – Résilier un abonnement",
        ),
        (["Banc public", "Banc public"], "Banc public"),
        ([], ""),
    ],
)
def test_guide_words_name_the_first_and_last_titles(titles, guide):
    assert Part(1, "u/", "u/index.html", [Item(t) for t in titles]).guide == guide


def test_preview_shows_popular_first_then_fills_in_title_order():
    items = [Item("A"), Item("B"), Item("C", True), Item("D"), Item("E", True)]
    shown = preview(items, 3, lambda i: i.popular)
    assert [i.title for i in shown] == ["A", "C", "E"]
    assert [i.title for i in preview(items, 10, lambda i: i.popular)] == list("ABCDE")
    assert preview(items, 0, lambda i: i.popular) == []
