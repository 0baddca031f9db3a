"""Sections of a procedure body: list items read with an HTML parser, not a regex."""

from __future__ import annotations

import markdown
import pytest

from guichet_plugins.procedures.sections import (
    BOX,
    list_items,
    normalise,
    split_sections,
    with_boxes,
)
from guichet_plugins.sanitize.policy import sanitize_html


def page(text: str) -> str:
    """A procedure's body as the site holds it: Markdown rendered as the build does, sanitised."""
    md = markdown.Markdown(
        extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"],
        output_format="html5",
    )
    return sanitize_html(md.convert(text))


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<ul><li>Un</li><li>Deux</li></ul>", ["Un", "Deux"]),
        (
            "<ul><li>Justificatif de domicile :<ul><li>facture</li><li>quittance</li></ul></li>"
            "<li>Pièce d'identité</li></ul>",
            [
                "Justificatif de domicile :<ul><li>facture</li><li>quittance</li></ul>",
                "Pièce d'identité",
            ],
        ),
        ('<ol><li class="a">Voir <a href="/x/">ici</a></li></ol>', ['Voir <a href="/x/">ici</a>']),
        ("<ul><li>Sans fin<li>Deuxième</ul>", ["Sans fin", "Deuxième"]),
        ("<p>Pas de liste</p>", []),
        ("", []),
    ],
)
def test_list_items_keep_nested_lists_inside_their_item(html, expected):
    assert list_items(html) == expected


def test_a_box_starts_each_document_but_not_the_choices_of_a_sub_list():
    html = (
        "<ul>\n<li>Justificatif :<ul><li>facture</li><li>quittance</li></ul></li>\n"
        "<li>Photo</li>\n</ul>"
    )
    boxed = with_boxes(html)
    assert boxed.count(BOX) == 2
    assert f"<li>{BOX}Justificatif :<ul><li>facture</li>" in boxed
    assert f"<li>{BOX}Photo</li>" in boxed


def test_a_section_without_a_list_is_left_as_it_is():
    assert with_boxes("<p>Rien à apporter.</p>") == "<p>Rien à apporter.</p>"


@pytest.mark.parametrize(
    "heading",
    [
        '<h2 id="pieces">Pièces à fournir</h2>',
        "<h2>Pièces à <em>fournir</em></h2>",
        "<H2>Pièces à fournir</H2>",
        "<h2>Pi&egrave;ces &agrave;&nbsp;fournir</h2>",
        '<h2 title="fin </h2> du titre">Pièces à fournir</h2>',
        "<h2>Pièces à fournir <!-- liste à revoir -> accueil --></h2>",
    ],
)
def test_a_heading_is_read_as_a_browser_reads_it(heading):
    [section] = split_sections(f"{heading}\n<ul>\n<li>Photo</li>\n</ul>")
    assert section.key == "documents"
    assert list_items(section.html) == ["Photo"]


def test_a_heading_inside_a_comment_is_no_section():
    html = "<!--\n<h2>Pièces à fournir</h2>\n<ul><li>Photo</li></ul>\n-->\n<h2>Étapes</h2>"
    assert [s.key for s in split_sections(html)] == ["intro", "steps"]
    assert [s.key for s in split_sections(html, comments=False)] == ["steps"]


def test_a_heading_quoted_in_a_blockquote_stays_in_its_section_whole():
    body = page("## Bon à savoir\n\n> ## Attention\n> Un dossier incomplet est refusé.\n\nTexte.")
    [section] = split_sections(body)
    assert section.key == "good_to_know"
    assert section.html == (
        "<blockquote>\n<h2>Attention</h2>\n<p>Un dossier incomplet est refusé.</p>\n"
        "</blockquote>\n<p>Texte.</p>"
    )


def test_sections_keep_their_heading_and_content_as_html():
    body = page("Intro *courte*.\n\n## Pièces à *fournir*\n\n- Photo & timbre\n\n## Autre\n\nx")
    assert [(s.key, s.heading, s.html) for s in split_sections(body)] == [
        ("intro", "", "<p>Intro <em>courte</em>.</p>"),
        ("documents", "Pièces à <em>fournir</em>", "<ul>\n<li>Photo &amp; timbre</li>\n</ul>"),
        ("other", "Autre", "<p>x</p>"),
    ]


def test_normalise_reads_the_heading_text():
    assert normalise("Pi&egrave;ces <b>à</b>&nbsp;fournir<!-- -> x -->") == "pieces a fournir"
