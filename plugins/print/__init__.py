"""Printed flyers: one A4 sheet per procedure (one side or recto-verso), as ``fiche.pdf``, and a
booklet of all of them.

Once all content is read, this plugin builds what each flyer says (``content.FlyerContent``),
typesets it with Typst (``flyer.typ``, ``render.py``) at the first level of the rule of
``fit.py`` that fits (never dropping a document, a step or a counter's details; one warning per
cause, ``causes.py``), caches the PDFs, and sets ``procedure.flyer_content`` (which the flyer
page ``/demarches/<slug>/fiche/``, ``flyer.html``, renders) and ``procedure.pdf_size`` before
any page is written.
"""

from pelican import signals

from .pipeline import render_all


def render_flyers(generators) -> None:
    owner = next((g for g in generators if hasattr(g, "procedures") and hasattr(g, "themes")), None)
    if owner is None:
        return
    owner.context["guichet_flyer_stats"] = render_all(owner, owner.settings)


def register():
    signals.all_generators_finalized.connect(render_flyers)
