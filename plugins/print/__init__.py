"""Printed flyers: one A4 sheet per procedure (one side or recto-verso), as ``fiche.pdf``, and a
booklet of all of them.

The procedures plugin writes each flyer page (``/demarches/<slug>/fiche/``, template
``flyer.html``). Once all content is read, this plugin renders that same HTML with WeasyPrint,
lays it out by the rule of ``fit.py`` when it does not fit on one side (never dropping a
document, a step or a counter's details; one warning per cause, ``causes.py``), caches the PDFs,
and sets ``procedure.pdf_size`` before any page is written.
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
