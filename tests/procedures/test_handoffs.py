"""What one plugin hands the next, read by attribute: the documented defaults when the plugin
that sets it did not run, and sections that follow a rewrite of the body's HTML."""

from __future__ import annotations

from pelican.settings import DEFAULT_CONFIG

from guichet_plugins.images.pipeline import _forget_rendered
from guichet_plugins.procedures.contents import Procedure

BODY = "<h2>Pièces à fournir</h2>\n<ul>\n<li>Photo en couleur</li>\n</ul>\n"


def procedure(html: str = BODY) -> Procedure:
    settings = {**DEFAULT_CONFIG, "SITEURL": ""}
    metadata = {"title": "Carte d'identité", "slug": "cni"}
    return Procedure(html, metadata=metadata, settings=settings, source_path="cni.md")


def test_without_the_print_and_documents_plugins_a_procedure_says_so_by_its_defaults():
    made = procedure()
    assert made.printed is None
    assert list(made.forms) == []


def test_sections_read_before_the_images_rewrote_the_html_show_the_rewritten_html():
    made = procedure()
    assert made.documents == ["Photo en couleur"]  # read early, e.g. by another plugin
    made._content = made._content.replace("Photo en couleur", "Photo <picture>…</picture>")
    _forget_rendered(made)  # as the images plugin does after its rewrite
    assert made.documents == ["Photo <picture>…</picture>"]
    assert made.sections["documents"].html.count("<picture>") == 1
