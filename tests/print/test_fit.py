"""The shortening rule and the text helpers of a flyer: pure functions, tables of cases."""

from __future__ import annotations

import pytest

from guichet.messages.print import length
from guichet_plugins.print.fit import (
    FREE_TEXT_AT,
    LAYOUTS,
    LEVELS,
    PAGES,
    RULES,
    first_sentence,
    make_flyer,
    printed_target,
    web_address,
    with_link_targets,
    without_images,
)

DOCS = [f"Pièce {n}" for n in range(1, 21)]
STEPS = [f"Étape {n}. Puis autre chose." for n in range(1, 16)]
WHO = "<p>Tous. Même les autres.</p>"
GOOD = "<p>Astuce une. Astuce deux.</p><p>Encore.</p>"


@pytest.mark.parametrize("level", range(LEVELS))
def test_no_level_ever_drops_a_document_or_a_step(level):
    flyer = make_flyer(level, DOCS, STEPS, who=WHO, good_to_know=GOOD)
    assert flyer.documents == tuple(DOCS) and flyer.steps == tuple(STEPS)
    assert flyer.layout == LAYOUTS[level] and PAGES[level] == (1 if level == 0 else 2)


@pytest.mark.parametrize(
    ("level", "who", "good", "cut"),
    [
        (0, WHO, GOOD, ()),
        (1, WHO, GOOD, ()),
        (2, "<p>Tous.</p>", "<p>Astuce une.</p>", ("who", "good_to_know")),
        (3, None, None, ("who", "good_to_know")),
        (4, None, None, ("who", "good_to_know")),
        (5, WHO, GOOD, ()),  # flowing over both sides: room for the free text again
        (6, "<p>Tous.</p>", "<p>Astuce une.</p>", ("who", "good_to_know")),
        (7, None, None, ("who", "good_to_know")),
    ],
)
def test_only_free_text_is_shortened_then_left_out(level, who, good, cut):
    flyer = make_flyer(level, DOCS, STEPS, who=WHO, good_to_know=GOOD)
    assert (flyer.who, flyer.good_to_know, flyer.cut) == (who, good, cut)
    assert flyer.recto_verso is (level > 0) and flyer.abridged is bool(cut)


def test_dense_flow_tries_the_free_text_in_full_then_cut_then_left_out():
    assert LAYOUTS[4:] == ("dense", "dense-flow", "dense-flow", "dense-flow")
    assert FREE_TEXT_AT[4:] == ("left out", "full", "sentence", "left out")
    assert len(RULES) == len(LAYOUTS) == len(PAGES) == len(FREE_TEXT_AT) == LEVELS == 8


def test_free_text_of_one_sentence_is_never_said_to_be_cut_at_level_two():
    flyer = make_flyer(2, DOCS, STEPS, who="<p>Tous.</p>", good_to_know=None)
    assert flyer.who == "<p>Tous.</p>" and flyer.cut == ()


def test_the_rule_applied_is_said_in_french_with_the_parts_cut():
    assert make_flyer(0, DOCS, STEPS).rule == ""
    assert "recto-verso (rien n'est retiré)" in make_flyer(1, DOCS, STEPS).rule
    rule = make_flyer(3, DOCS, STEPS, good_to_know=GOOD).rule
    assert "« Bon à savoir »" in rule and "recto-verso" in rule
    full = make_flyer(5, DOCS, STEPS, who=WHO, good_to_know=GOOD).rule
    assert "d'un bout à l'autre (rien n'est retiré)" in full
    flow = make_flyer(6, DOCS, STEPS, who=WHO, good_to_know=GOOD).rule
    assert "d'un bout à l'autre, et le texte libre (« Qui est concerné »" in flow
    # No free text to cut: the rule says nothing was removed, not « sans le texte libre ».
    assert make_flyer(4, DOCS, STEPS).rule == (
        "la fiche est imprimée en recto-verso en petits caractères (rien n'est retiré)"
    )
    assert "aucun" not in make_flyer(7, DOCS, STEPS).rule


def test_levels_outside_the_rule_are_refused():
    with pytest.raises(ValueError):
        make_flyer(LEVELS, DOCS, STEPS)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Venez. Apportez vos pièces.", "Venez."),
        ("Une seule phrase sans point", "Une seule phrase sans point"),
        (
            "Voir <a href='x'>le site. Officiel</a>. Ensuite payez.",
            'Voir <a href="x">le site. Officiel</a>.',
        ),
        ("Le 1er janvier. Puis", "Le 1er janvier."),
        ("Prix : 25 €. 3 semaines de délai.", "Prix : 25 €."),
        ("Pas de majuscule. ensuite", "Pas de majuscule. ensuite"),
        # A full stop inside an attribute is no place to cut (the regex cut there).
        (
            '<a title="Voir. Ici" href="/x/">le formulaire</a> puis. Ensuite',
            '<a title="Voir. Ici" href="/x/">le formulaire</a> puis.',
        ),
        (
            '<abbr title="Centre. Communal">CCAS</abbr>. Après',
            '<abbr title="Centre. Communal">CCAS</abbr>.',
        ),
        ("A &amp; B. Puis", "A &amp; B."),
        ("<strong>Une. Deux</strong>", "<strong>Une. Deux</strong>"),
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


PUBLIC = "https://www.val-daurore.fr/"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/documents/cerfa.pdf", "www.val-daurore.fr/documents/cerfa.pdf"),
        ("https://www.val-daurore.fr/demarches/x/", "www.val-daurore.fr/demarches/x/"),
        ("https://www.service-public.gouv.fr/R1", "https://www.service-public.gouv.fr/R1"),
        ("mailto:etat-civil@val-daurore.fr", "etat-civil@val-daurore.fr"),
        ("tel:+33536491000", "+33536491000"),
        ("#etapes", None),
        ("", None),
        ("../carte-identite/", "www.val-daurore.fr/demarches/carte-identite/"),
        ("formulaire.pdf", "www.val-daurore.fr/demarches/x/formulaire.pdf"),
        ("//autre.fr/a", "https://autre.fr/a"),
    ],
)
def test_a_link_prints_short_for_site_pages_and_full_for_others(href, expected):
    assert printed_target(href, PUBLIC, "demarches/x/") == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            'Remplir <a href="/documents/f.pdf">le formulaire</a>.',
            'Remplir <a href="/documents/f.pdf">le formulaire</a> '
            '<span class="link-target">(www.val-daurore.fr/documents/f.pdf)</span>.',
        ),
        (
            '<a href="https://a.fr/b">https://a.fr/b</a>',
            '<a href="https://a.fr/b">https://a.fr/b</a>',
        ),  # the text already is the address
        ("Pas de lien &amp; rien", "Pas de lien &amp; rien"),
        ('<a href="#x">plus bas</a>', '<a href="#x">plus bas</a>'),
    ],
)
def test_links_get_their_address_written_after_them_for_paper(html, expected):
    assert with_link_targets(html, PUBLIC) == expected


def test_make_flyer_writes_link_targets_in_documents_steps_and_free_text():
    link = '<a href="https://x.fr/f">formulaire</a>'
    flyer = make_flyer(0, [link], [link], who=f"<p>{link}</p>", public_url=PUBLIC)
    assert all("(https://x.fr/f)" in part for part in (*flyer.documents, *flyer.steps, flyer.who))


@pytest.mark.parametrize(
    ("mm", "text"),
    [(0.3, "1 mm"), (6.4, "6 mm"), (10, "1 cm"), (27.9, "2,8 cm"), (120, "12 cm")],
)
def test_overflow_lengths_read_as_staff_measure_paper(mm, text):
    assert length(mm) == text
