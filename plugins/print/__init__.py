"""Printed flyers: one A4 sheet per procedure (one side or recto-verso), as ``fiche.pdf``, and a
booklet of all of them.

Once all content is read, this plugin builds what each flyer says (``content.FlyerContent``),
typesets it with Typst (``flyer.typ``, ``render.py``) at the first level of the rule of
``fit.py`` that fits (never dropping a document, a step or a counter's details; one warning per
cause, ``causes.py``), caches and writes the PDFs, and hands each procedure ``printed``
(``content.Printed``: the fitted flyer, which the flyer page ``/demarches/<slug>/fiche/``
renders, and the PDF's size) before any page is written.

The Pelican side (signals and receivers) is in ``plugin.py``, imported only when Pelican
registers the plugin: the package's other modules import without Pelican.
"""


def register() -> None:
    """Pelican's entry point: connect this plugin's receivers."""
    from .plugin import register as connect

    connect()
