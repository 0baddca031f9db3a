"""A procedure page's free text on paper (plugins/procedures/paper.py): cut where the flyer
cuts it, at the flyer's level, the screen's text untouched."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from guichet_plugins.print.fit import first_paragraph_sentence
from guichet_plugins.procedures.paper import OnPaper, first_sentence_apart, on_paper
from guichet_plugins.procedures.sections import Section
from tests.print.helpers import plain

FRAGMENTS = [
    "<p>La carte est valable 10 ans. Un enfant vient avec un parent.</p><p>Deuxième.</p>",
    '<p>Vous pouvez <a href="/documents/f.pdf">télécharger le formulaire</a> avant. Puis venez.'
    "</p>",
    '<p>Voir <a href="/x/">la page. Elle</a> dit tout. Lisez-la.</p>',
    "<p>Le tarif est de 25&nbsp;€. « Citation » ensuite.</p>",
    "<p>Une question ? Appelez. Merci</p>",
    "<p>Une seule phrase sans autre paragraphe</p><ul><li>Un point</li></ul>",
    "<p>Une seule phrase.</p>\n<p>Un deuxième paragraphe. Et encore.</p>",
]


def kept(marked: str) -> str:
    """What paper prints of a marked fragment: its first paragraph, without its rest."""
    from selectolax.lexbor import LexborHTMLParser

    body = LexborHTMLParser(f"<body>{marked}</body>").body
    keep = body.css_first("p.print-keep")
    for rest in keep.css(".print-rest"):
        rest.decompose()
    return plain(keep.inner_html)


@pytest.mark.parametrize("html", FRAGMENTS)
def test_the_page_keeps_the_sentence_the_flyer_keeps(html):
    marked = first_sentence_apart(html)
    assert kept(marked) == plain(first_paragraph_sentence(html))
    assert plain(marked) == plain(html)  # the screen reads every word, in the same order


def test_one_sentence_alone_is_not_marked_and_a_list_first_has_nothing_to_keep():
    assert first_sentence_apart("<p>Tout le monde.</p>") == "<p>Tout le monde.</p>"
    assert first_sentence_apart("<ul><li>Un. Deux.</li></ul>") is None


def procedure(level: int | None, cut: tuple[str, ...] = ()):
    printed = (
        None if level is None else SimpleNamespace(flyer=SimpleNamespace(level=level, cut=cut))
    )
    return SimpleNamespace(printed=printed)


WHO = Section("who", "Qui est concerné", "<p>Tout le monde. Même les enfants.</p>")
GOOD = Section("good_to_know", "Bon à savoir", "<p>Un. Deux.</p><p>Trois.</p>")
OTHER = Section("other", "Recours", "<p>Écrivez au maire. Il répond.</p>")
STEPS = Section("steps", "Étapes", "<ol><li>Venez.</li></ol>")


@pytest.mark.parametrize("level", [None, 0, 1])
def test_a_flyer_with_all_its_free_text_leaves_the_page_as_it_is(level):
    for section in (WHO, GOOD, OTHER, STEPS):
        assert on_paper(section, procedure(level)) == OnPaper(section.html, "")


def test_what_the_flyer_shortened_is_shortened_on_the_page_and_only_that():
    page = procedure(2, ("good_to_know",))
    assert on_paper(WHO, page) == OnPaper(WHO.html, "")  # one the flyer kept whole
    good = on_paper(GOOD, page)
    assert good.cut == "short" and 'class="print-rest"> Deux.</span>' in good.html
    assert on_paper(STEPS, page) == OnPaper(STEPS.html, "")  # documents and steps: never cut
    assert on_paper(OTHER, page).cut == "short"  # never on the flyer: cut as free text


def test_from_level_3_the_free_text_the_flyer_left_out_is_left_out():
    page = procedure(3, ("who", "good_to_know"))
    assert [on_paper(s, page) for s in (WHO, GOOD, OTHER)] == [
        OnPaper(WHO.html, "out"),
        OnPaper(GOOD.html, "out"),
        OnPaper(OTHER.html, "out"),
    ]
    assert on_paper(STEPS, page) == OnPaper(STEPS.html, "")
