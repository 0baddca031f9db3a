"""The shortening rule and the text helpers of a flyer: pure functions, tables of cases."""

from __future__ import annotations

import pytest

from guichet.messages.print import length
from guichet_plugins.print.fit import (
    FREE_TEXT_AT,
    HEADING,
    ITEM,
    LAYOUTS,
    LEVELS,
    NOTE,
    PAGES,
    RULES,
    Entry,
    FreeText,
    Source,
    entries,
    first_sentence,
    make_flyer,
    printed_target,
    web_address,
    with_link_targets,
    without_images,
)

PUBLIC = "https://www.val-daurore.fr/"
DOCS = [f"Pièce {n}" for n in range(1, 21)]
STEPS = [f"Étape {n}. Puis autre chose." for n in range(1, 16)]
WHO = "<p>Tous. Même les autres.</p>"
GOOD = "<p>Astuce une. Astuce deux.</p><p>Encore.</p>"
TARIFS = "<p>Gratuit la première fois. Ensuite 10 €.</p>"


def source(documents=DOCS, steps=STEPS, who=WHO, good=GOOD, tarifs=None) -> Source:
    lead = [FreeText("who", "Qui est concerné", "Qui est concerné", who)] if who else []
    more = [FreeText("good_to_know", "Bon à savoir", "Bon à savoir", good)] if good else []
    if tarifs:
        more.append(FreeText("other:tarifs", "Tarifs", "Tarifs", tarifs))
    return Source(
        documents=tuple(Entry(ITEM, d) for d in documents),
        steps=tuple(Entry(ITEM, s, n) for n, s in enumerate(steps, 1)),
        lead=tuple(lead),
        more=tuple(more),
    )


def texts(flyer) -> dict[str, str | None]:
    return {part.key: part.html for part in flyer.free}


@pytest.mark.parametrize("level", range(LEVELS))
def test_no_level_ever_drops_a_document_or_a_step(level):
    flyer = make_flyer(level, source())
    assert [e.html for e in flyer.documents] == DOCS and [e.html for e in flyer.steps] == STEPS
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
    flyer = make_flyer(level, source())
    assert (texts(flyer)["who"], texts(flyer)["good_to_know"], flyer.cut) == (who, good, cut)
    assert flyer.recto_verso is (level > 0) and flyer.abridged is bool(cut)


def test_dense_flow_tries_the_free_text_in_full_then_cut_then_left_out():
    assert LAYOUTS[4:] == ("dense", "dense-flow", "dense-flow", "dense-flow")
    assert FREE_TEXT_AT[4:] == ("left out", "full", "sentence", "left out")
    assert len(RULES) == len(LAYOUTS) == len(PAGES) == len(FREE_TEXT_AT) == LEVELS == 8


def test_other_sections_are_free_text_cut_like_bon_a_savoir():
    flyer = make_flyer(2, source(tarifs=TARIFS))
    assert texts(flyer)["other:tarifs"] == "<p>Gratuit la première fois.</p>"
    assert flyer.cut == ("who", "good_to_know", "other:tarifs")
    assert "« Qui est concerné », « Bon à savoir », « Tarifs »" in flyer.rule
    left_out = make_flyer(7, source(tarifs=TARIFS))
    assert texts(left_out)["other:tarifs"] is None and "other:tarifs" in left_out.cut
    assert "sans le texte libre (« Qui est concerné », « Bon à savoir », « Tarifs »)" in (
        left_out.rule
    )


def test_free_text_of_one_sentence_is_never_said_to_be_cut_at_level_two():
    flyer = make_flyer(2, source(who="<p>Tous.</p>", good=None))
    assert texts(flyer) == {"who": "<p>Tous.</p>"} and flyer.cut == ()


def test_the_rule_applied_is_said_in_french_with_the_parts_cut():
    assert make_flyer(0, source()).rule == ""
    assert "recto-verso (rien n'est retiré)" in make_flyer(1, source()).rule
    rule = make_flyer(3, source(who=None)).rule
    assert "« Bon à savoir »" in rule and "recto-verso" in rule
    assert "d'un bout à l'autre (rien n'est retiré)" in make_flyer(5, source()).rule
    flow = make_flyer(6, source()).rule
    assert "d'un bout à l'autre, et le texte libre (« Qui est concerné »" in flow
    # No free text to cut: the rule says nothing was removed, not « sans le texte libre ».
    assert make_flyer(4, source(who=None, good=None)).rule == (
        "la fiche est imprimée en recto-verso en petits caractères (rien n'est retiré)"
    )
    assert "aucun" not in make_flyer(7, source(who=None, good=None)).rule


def test_levels_outside_the_rule_are_refused():
    with pytest.raises(ValueError):
        make_flyer(LEVELS, source())


SECTION = (
    "<ul><li>Une pièce d'identité</li>"
    "<li>Un acte de naissance de moins de 3 mois<ul><li>copie intégrale</li>"
    "<li>ou extrait</li></ul></li></ul>"
    "<p>Pour un enfant mineur, apportez aussi le livret de famille.</p>"
    "<h3>Si vous êtes né à l'étranger</h3>"
    "<ul><li>Une traduction de l'acte</li></ul>"
)


def test_every_block_of_a_list_section_is_an_entry_in_order():
    assert entries(SECTION, numbered=False) == (
        Entry(ITEM, "Une pièce d'identité"),
        Entry(
            ITEM,
            "Un acte de naissance de moins de 3 mois<ul><li>copie intégrale</li>"
            "<li>ou extrait</li></ul>",
        ),
        Entry(NOTE, "<p>Pour un enfant mineur, apportez aussi le livret de famille.</p>"),
        Entry(HEADING, "Si vous êtes né à l'étranger"),
        Entry(ITEM, "Une traduction de l'acte"),
    )


def test_steps_are_numbered_on_across_the_notes_between_them():
    html = (
        "<ol><li>Remplissez.</li><li>Prenez rendez-vous.</li></ol>"
        "<p>Attendez la confirmation.</p>"
        "<ol><li>Venez.</li></ol>"  # restarts at 1 in Markdown: the flyer counts on
        "Texte libre <em>en vrac</em>"
    )
    assert entries(html, numbered=True) == (
        Entry(ITEM, "Remplissez.", 1),
        Entry(ITEM, "Prenez rendez-vous.", 2),
        Entry(NOTE, "<p>Attendez la confirmation.</p>"),
        Entry(ITEM, "Venez.", 3),
        Entry(NOTE, "<p>Texte libre <em>en vrac</em></p>"),
    )


def test_entries_leave_photos_out_and_write_link_targets():
    html = (
        '<p><img src="a.jpg" alt="x"></p>'
        '<ul><li>Le <a href="/documents/f.pdf">formulaire</a></li><li><img src="b.jpg"></li></ul>'
    )
    assert entries(html, False, PUBLIC, "demarches/x/") == (
        Entry(
            ITEM,
            'Le <a href="/documents/f.pdf">formulaire</a> '
            '<span class="link-target">(www.val-daurore.fr/documents/f.pdf)</span>',
        ),
    )
    assert entries("", False) == () and entries(None, True) == ()


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
        ('<p><img src="a.jpg" alt="Plan > accès"></p><p>Texte</p>', "<p>Texte</p>"),
        ("<p><img src=a.jpg alt='a'>\n</p>\n<p>Texte</p>", "<p>Texte</p>"),
        ('<P><IMG SRC="a.jpg"></P>Texte', "Texte"),
        ('<div><p><img src="a.jpg" title="</p>"></p></div><p>Texte</p>', "<p>Texte</p>"),
        (
            '<figure><img src="a.jpg" alt="x"><figcaption>La mairie</figcaption></figure>',
            "<figure><figcaption>La mairie</figcaption></figure>",
        ),
        (
            '<p><a href="/documents/plan.pdf"><img src="a.jpg" alt="Plan"> '
            '<span class="doc-info">(PDF, 230 Ko)</span></a></p>',
            '<p><a href="/documents/plan.pdf"> <span class="doc-info">(PDF, 230 Ko)</span></a></p>',
        ),
        ("<p>Avant</p><p></p>", "<p>Avant</p><p></p>"),  # not a photo's: as the page shows it
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


def test_free_text_gets_its_link_targets_written_out():
    from guichet_plugins.print.fit import clean_free_text

    link = '<a href="https://x.fr/f">formulaire</a>'
    assert "(https://x.fr/f)" in clean_free_text(f"<p>{link}</p>", PUBLIC)
    assert clean_free_text('<p><img src="a.jpg"></p>', PUBLIC) is None


@pytest.mark.parametrize(
    ("mm", "text"),
    [(0.3, "1 mm"), (6.4, "6 mm"), (10, "1 cm"), (27.9, "2,8 cm"), (120, "12 cm")],
)
def test_overflow_lengths_read_as_staff_measure_paper(mm, text):
    assert length(mm) == text
