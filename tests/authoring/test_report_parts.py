"""The report's pure parts: source lines, images, headings, links, counters, freshness."""

from __future__ import annotations

from datetime import date

import pytest

from guichet.report.checks import Limits, counter_use, readability
from guichet.report.elements import Heading, Image, alt_problem, collect, heading_problems
from guichet.report.links import check_link
from guichet.report.source import body_units, plain_text, split_metadata
from guichet_plugins.procedures.dates import is_stale

SOURCE = """Titre: Essai
Guichets: mairie,
    annexe

## Étapes

1. Venez **lundi**.
   Apportez [une photo](https://exemple.fr/).
2. Signez.

Un paragraphe
sur deux lignes. Une autre phrase.

<!-- un commentaire
sur deux lignes -->
"""


def test_metadata_fields_and_body_start():
    fields, start = split_metadata(SOURCE.splitlines())
    assert fields == {"titre": 1, "guichets": 2}
    assert start == 4  # index of the first body line, after the blank line that ends the header


def test_metadata_as_staff_type_it():
    lines = [
        "Titre: Essai",
        "Vérifié-le: 2026-01-01",
        "",
        "Guichets: mairie,",
        "  annexe",
        "",
        "Texte",
    ]
    assert split_metadata(lines) == ({"titre": 1, "verifie-le": 2, "guichets": 4}, 6)


def test_body_units_keep_their_lines_and_plain_text():
    lines = SOURCE.splitlines()
    units = body_units(lines, split_metadata(lines)[1])
    assert [(u.kind, u.first_line, u.text) for u in units] == [
        ("heading", 5, "Étapes"),
        ("item", 7, "Venez lundi. Apportez une photo."),
        ("item", 9, "Signez."),
        ("paragraph", 11, "Un paragraphe sur deux lignes. Une autre phrase."),
    ]
    paragraph = units[3]
    assert paragraph.line_at(paragraph.text.index("Une autre")) == 12
    assert units[1].line_at(units[1].text.index("Apportez")) == 8


def test_plain_text_decodes_inline_markdown():
    assert plain_text("Le **CCAS** &amp; [la mairie](/guichets/mairie/)") == "Le CCAS & la mairie"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Déposez le dossier <!-- vérifier -> avec le CCAS --> au guichet.",
         "Déposez le dossier au guichet."),
        ('Le <abbr title="centre communal > action sociale">CCAS</abbr> répond.',
         "Le CCAS répond."),
        ("Écrivez `&lt;nom&gt;` puis d&#8217;accord &hellip;",
         "Écrivez &lt;nom&gt; puis d’accord …"),
    ],
)  # fmt: skip
def test_plain_text_is_what_the_reader_reads(line, words):
    assert " ".join(plain_text(line).split()) == words


@pytest.mark.parametrize(
    ("alt", "decorative", "problem"),
    [
        ("La façade de la mairie, avec une porte bleue.", False, None),
        ("image", False, "meaningless"),
        ("Photo", False, "meaningless"),
        ("IMG_1234.jpg", False, "meaningless"),
        ("photo 3", False, "meaningless"),
        ("", False, "empty"),
        ("", True, None),
        ("image", True, None),  # marked decorative: the build publishes alt=""
        (None, False, "missing"),
    ],
)
def test_alt_text(alt, decorative, problem):
    assert alt_problem(Image("images/x.jpg", alt, decorative)) == problem


def test_collect_finds_images_headings_links():
    html = (
        '<h2>Étapes</h2><p><img alt="image" src="{static}/images/x.jpg">'
        '<img alt="" title="décoratif" src="images/y.jpg">'
        '<img alt="" class="decoratif" src="images/z.jpg"></p>'  # not the build's mark
        '<h4>Détail</h4><p><a href="/demarches/x/">la <em>carte</em></a></p>'
    )
    found = collect(html)
    assert [(i.alt, i.decorative) for i in found.images] == [
        ("image", False),
        ("", True),
        ("", False),
    ]
    assert [(h.level, h.text) for h in found.headings] == [(2, "Étapes"), (4, "Détail")]
    assert found.links == (("/demarches/x/", "la carte"),)


@pytest.mark.parametrize(
    ("levels", "bad"),
    [([2, 3, 3, 2, 3], []), ([2, 4], [(4, 3)]), ([3], [(3, 2)]), ([1, 2], [(1, 2)])],
)
def test_heading_order(levels, bad):
    headings = tuple(Heading(n, f"titre {n}") for n in levels)
    assert [(h.level, allowed) for h, allowed in heading_problems(headings)] == bad


SITE = frozenset({"/demarches/carte/", "/demarches/carte/fiche/", "/guichets/mairie/", "/"})
FILES = frozenset({"pages/mentions.md", "images/x.jpg", "demarches/carte.md"})


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("/demarches/carte/", "ok"),
        ("/demarches/carte", "ok"),
        ("/demarches/carte/index.html", "ok"),
        ("../carte/fiche/", "ok"),
        ("/demarches/inconnue/", "broken"),
        ("www.service-public.fr", "broken"),
        ("{filename}../pages/mentions.md", "ok"),
        ("{filename}/pages/mentions.md", "ok"),
        ("{filename}../pages/absente.md", "broken"),
        ("{static}/images/x.jpg", "ok"),
        ("https://www.service-public.fr/", "external"),
        ("mailto:accueil@mairie.fr", "ignored"),
        ("tel:+33565001234", "ignored"),
        ("#etapes", "ignored"),
    ],
)
def test_links(href, kind):
    assert check_link(href, "/demarches/essai/", "demarches", SITE, FILES).kind == kind


def test_counter_use():
    orphans, unused = counter_use(
        {"a.md": ("mairie",), "b.md": ("inconnu",), "c.md": ()},
        {"mairie": "mairie.md", "ccas": "ccas.md"},
    )
    assert orphans == ["b.md", "c.md"]
    assert unused == ["ccas"]


@pytest.mark.parametrize(
    ("verified", "stale"),
    [
        (date(2025, 11, 24), False),  # exactly 12 months
        (date(2025, 11, 23), True),
        (date(2025, 12, 1), False),
        (date(2024, 1, 1), True),
    ],
)
def test_freshness_same_rule_as_the_build(verified, stale):
    assert is_stale(verified, date(2026, 11, 24), 12) is stale


def test_long_sentence_is_quoted_with_its_line():
    lines = ["Titre: x", "", "Court.", "", " ".join(["mot"] * 30) + "."]
    units = body_units(lines, 1)
    _, findings = readability(units, Limits())
    long = [f for f in findings if f.kind == "long_sentence"]
    assert len(long) == 1 and long[0].line == 5 and "30 mots" in long[0].message


def test_freshness_agrees_with_the_builds_warning_day_by_day():
    from datetime import timedelta

    from guichet_plugins.procedures.validation import check_procedure

    today = date(2026, 11, 24)
    html = "<h2>Pièces à fournir</h2><ul><li>a</li></ul><h2>Étapes</h2><ol><li>b</li></ol>"
    for days in range(350, 380):
        verified = today - timedelta(days=days)
        meta = {
            "titre": "T",
            "resume": "R.",
            "theme": "papiers",
            "guichets": "mairie",
            "cout": "Gratuit",
            "delai": "1 jour",
            "verifie-le": verified.isoformat(),
        }
        checked = check_procedure(meta, html, "x.md", {"papiers": "P"}, {"mairie"}, today, 12)
        warned = any(p.field == "Verifie-le" for p in checked.warnings)
        assert warned is is_stale(verified, today, 12), verified
