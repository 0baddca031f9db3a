"""The DILA « vosdroits » reader and its Markdown: pure, from small XML snippets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guichet.importers.dila import read_sheet, section_key
from guichet.importers.dila_text import Converter, escape
from guichet.importers.errors import ImportFailed

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Publication xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="../Schemas/{version}/Publication.xsd" ID="F9" '
    'spUrl="https://www.service-public.fr/particuliers/vosdroits/F9">'
    "<dc:title>Titre</dc:title><dc:date>modified 2026-01-31</dc:date>"
)


def fiche(body: str, version: str = "3.3"):
    return read_sheet((HEAD.format(version=version) + body + "</Publication>").encode(), "F9.xml")


def markdown(xml: str) -> str:
    from defusedxml import ElementTree

    converter = Converter()
    return "\n\n".join(converter.blocks(ElementTree.fromstring(f"<Texte>{xml}</Texte>"), 2))


def test_the_fixture_fiche_is_read_whole():
    result = read_sheet((FIXTURES / "F1341.xml").read_bytes(), "F1341.xml")
    assert (result.id, result.schema, result.updated) == ("F1341", "3.3", date(2026, 9, 14))
    assert result.url == "https://www.service-public.fr/particuliers/vosdroits/F1341"
    assert result.audience == "Particuliers"
    assert result.subjects[0] == "N19810"
    assert [s.key for s in result.sections] == ["who", "documents", "steps", "delay", "other"]
    assert result.pivots == ["mairie"]
    assert [link.kind for link in result.online] == ["Téléservice", "Formulaire"]
    assert result.references[0].detail == "Article 1er"
    assert result.more[0].url == "https://ants.gouv.fr/"
    assert result.amounts == ["25 €"]
    assert result.unknown == {}


def test_schema_3_4_where_blocks_are_qui_peut_m_aider():
    result = read_sheet((FIXTURES / "F870.xml").read_bytes(), "F870.xml")
    assert result.schema == "3.4"
    assert result.pivots == ["mairie", "csnj"]
    assert result.unknown == {"FAQ": 2}


@pytest.mark.parametrize("version", ["3.2", "4.0", ""])
def test_other_schema_versions_are_refused(version):
    with pytest.raises(ImportFailed) as caught:
        fiche("", version)
    assert "seules les versions 3.3 et 3.4" in caught.value.message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"not xml <", "n'est pas un fichier XML lisible"),
        (b"<Autre/>", "l'élément principal est « Autre »"),
        (
            b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><Publication>&b;</Publication>',
            "n'est pas un fichier XML lisible",
        ),
    ],
)
def test_what_is_not_a_fiche_is_refused(data, expected):
    with pytest.raises(ImportFailed) as caught:
        read_sheet(data, "x.xml")
    assert expected in caught.value.message


def test_a_fiche_without_title_or_date_is_refused():
    head = HEAD.format(version="3.3")
    with pytest.raises(ImportFailed, match="dc:title"):
        read_sheet(
            (head.replace("<dc:title>Titre</dc:title>", "") + "</Publication>").encode(), "x"
        )
    with pytest.raises(ImportFailed, match="date de mise à jour"):
        read_sheet(
            (head.replace("modified 2026-01-31", "bientôt") + "</Publication>").encode(), "x"
        )


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            "<Paragraphe>Un <MiseEnEvidence>mot</MiseEnEvidence> fort.</Paragraphe>",
            "Un **mot** fort.",
        ),
        ("<Paragraphe>1<Exposant>er</Exposant> janvier</Paragraphe>", "1<sup>er</sup> janvier"),
        (
            '<Paragraphe><LienExterne URL="https://x.fr/">ici</LienExterne></Paragraphe>',
            "[ici](https://x.fr/)",
        ),
        (
            '<Paragraphe><LienExterne URL="javascript:alert(1)">ici</LienExterne></Paragraphe>',
            "ici",
        ),
        (
            '<Paragraphe><LienInterne LienPublication="F1342">mineur</LienInterne></Paragraphe>',
            "[mineur](https://www.service-public.fr/particuliers/vosdroits/F1342)",
        ),
        ('<Paragraphe><LienIntra LienID="R1">texte</LienIntra></Paragraphe>', "texte"),
        ("<Paragraphe>Prix : <Montant>12 €</Montant></Paragraphe>", "Prix : 12 €"),
        ("<Paragraphe>a * b_c [d]</Paragraphe>", "a \\* b\\_c \\[d\\]"),
        ("<Paragraphe>1. pas une liste</Paragraphe>", "1\\. pas une liste"),
        (
            '<Liste type="puce"><Item><Paragraphe>a</Paragraphe></Item>'
            "<Item><Paragraphe>b</Paragraphe></Item></Liste>",
            "- a\n- b",
        ),
        (
            '<Liste type="numero"><Item><Paragraphe>a</Paragraphe></Item>'
            "<Item><Paragraphe>b</Paragraphe><Paragraphe>c</Paragraphe></Item></Liste>",
            "1. a\n2. b\n\n    c",
        ),
        (
            '<Liste type="caseACocher"><Item><Paragraphe>a</Paragraphe></Item></Liste>',
            "- a",
        ),
        (
            "<ANoter><Titre>À noter</Titre><Paragraphe>x</Paragraphe></ANoter>",
            "> **À noter :** x",
        ),
        ("<Attention><Paragraphe>x</Paragraphe></Attention>", "> **Attention :** x"),
        (
            "<BlocCas><Cas><Titre><Paragraphe>Cas 1</Paragraphe></Titre>"
            "<Paragraphe>x</Paragraphe></Cas></BlocCas>",
            "## Cas 1\n\nx",
        ),
        (
            "<Chapitre><Titre><Paragraphe>A</Paragraphe></Titre><SousChapitre><Titre>"
            "<Paragraphe>B</Paragraphe></Titre><Paragraphe>y</Paragraphe></SousChapitre></Chapitre>",
            "## A\n\n### B\n\ny",
        ),
        (
            '<Tableau><Rangée type="header"><Cellule><Paragraphe>h</Paragraphe></Cellule></Rangée>'
            '<Rangée type="normal"><Cellule><Paragraphe>a|b</Paragraphe></Cellule></Rangée>'
            "</Tableau>",
            "| h |\n|---|\n| a\\|b |",
        ),
        ("<Inconnu>texte gardé</Inconnu>", "texte gardé"),
    ],
)
def test_elements_become_markdown(xml, expected):
    assert markdown(xml) == expected


def test_unknown_elements_are_counted_by_name():
    from defusedxml import ElementTree

    converter = Converter()
    converter.blocks(ElementTree.fromstring("<Texte><X>a</X><X>b</X><Y>c</Y></Texte>"), 2)
    assert converter.unknown == {"X": 2, "Y": 1}


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Pièces à fournir", "documents"),
        ("Documents à fournir", "documents"),
        ("Démarche", "steps"),
        ("Comment faire ?", "steps"),
        ("Conditions", "who"),
        ("À savoir", "good_to_know"),
        ("Coût", "cost"),
        ("Délai", "delay"),
        ("Carte perdue", "other"),
    ],
)
def test_chapter_titles_are_matched_without_case_or_accents(title, key):
    assert section_key(title) == key


def test_escape_keeps_html_out():
    assert escape("<script>") == "&lt;script&gt;"
