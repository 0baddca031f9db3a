"""Inline HTML → Typst markup: what staff wrote prints as written, and can never run as Typst."""

from __future__ import annotations

import re
import subprocess

import pytest

from guichet_plugins.print.fit import HEADING, ITEM, NOTE, Entry, FreeText
from guichet_plugins.print.markup import escape, to_typst
from guichet_plugins.print.render import compile_pdf, typst_input
from tests.print.samples import content, good_to_know

HOSTILE = [
    "#set page(width: 1pt)",
    '#import "/etc/passwd"',
    "$x^2$",
    '#read("/etc/hostname")',
    "*gras* _penché_ `code` <label> @ref",
    "\\ [crochets] ~ -- --- ... -? = / + 100 % & ^ {} () | \"q\" 'a'",
    "- pas une liste",
    "+ pas une énumération",
    "// pas un commentaire /* non plus */",
]


def pdf_text(pdf: bytes) -> str:
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(run.stdout.decode("utf-8").split())


@pytest.mark.parametrize("text", HOSTILE)
def test_staff_text_prints_as_typed_and_never_runs(text):
    html = f"<p>{text.replace('&', '&amp;').replace('<', '&lt;')}</p>"
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    flyer = content(
        3,
        title=text,
        summary=text,
        documents=(Entry(ITEM, html), Entry(HEADING, escaped), Entry(NOTE, html)),
        steps=(Entry(ITEM, f"<p>Avant {html} après</p>", 1), Entry(NOTE, html)),
        more=(good_to_know(html), FreeText("other:x", text, escaped, None)),
        cut=("other:x",),
    )
    pdf = compile_pdf(typst_input(flyer))
    printed = pdf_text(pdf)
    # Title, summary, document, sub-heading, notes, step, « Bon à savoir », a section's name.
    assert printed.count(" ".join(text.split())) >= 9
    from tests.print.helpers import is_a4, pdf_reader

    assert is_a4(pdf_reader(pdf))  # « #set page(width: 1pt) » changed nothing


def test_escape_leaves_letters_and_digits_alone():
    assert escape("Mairie 12") == "Mairie 12"
    assert escape("#x") == "\\#x"
    assert escape("a-b") == "#box[a\\u{2d}b]"  # never broken at its hyphen


def test_links_emphasis_abbreviations_and_nested_lists():
    html = (
        '<p>Le <a href="https://exemple.fr/f.pdf">formulaire</a> '
        '<span class="link-target">(https://exemple.fr/f.pdf)</span>, <strong>signé</strong>, '
        '<em>daté</em>, au <abbr title="Centre communal">CCAS</abbr>.</p>'
        "<ul><li>Un justificatif :<ul><li>facture</li><li>quittance</li></ul></li></ul>"
    )
    markup = to_typst(html)
    assert '#link("https://exemple.fr/f.pdf")[formulaire]' in markup
    assert "#strong[signé]" in markup and "#emph[daté]" in markup
    assert markup.count("#list(") == 2
    pdf = compile_pdf(typst_input(content(0, documents=(Entry(ITEM, html),))))
    printed = pdf_text(pdf)
    for words in ("formulaire (https://exemple.fr/f.pdf)", "signé", "CCAS", "facture", "quittance"):
        assert words in printed


def test_no_break_spaces_are_kept_and_others_collapse():
    assert escape("8\u00a0h\u00a030  à\n12\u00a0h") == "8\u00a0h\u00a030 à 12\u00a0h"


def test_a_link_to_anything_but_the_web_mail_or_phone_is_text_only():
    assert "#link" not in to_typst('<a href="javascript:alert(1)">x</a>')
    assert "#link" not in to_typst('<a href="file:///etc/passwd">x</a>')


def test_a_table_prints_as_a_table_with_its_header_in_bold():
    html = (
        "<table><thead><tr><th>Situation</th><th>Prix</th></tr></thead>"
        "<tbody><tr><td>Perte ou vol</td><td><p>25 € en <em>timbre</em></p></td></tr>"
        "<tr><td>#set page(width: 1pt)</td></tr></tbody></table>"
    )
    markup = to_typst(html)
    assert markup.startswith("#table(columns: 2, ")
    assert "[#strong[Situation]]" in markup and "[25 € en #emph[timbre]]" in markup
    pdf = compile_pdf(typst_input(content(1, more=(good_to_know(html),))))
    printed = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert re.search(r"Situation +Prix\n *Perte ou vol +25 € en timbre", printed)
    assert "#set page(width: 1pt)" in printed
