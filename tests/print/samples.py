"""A flyer's contents built by hand, for the Typst tests (test_render, test_markup)."""

from __future__ import annotations

from guichet_plugins.print.content import CounterContent, FlyerContent
from guichet_plugins.print.fit import ITEM, LAYOUTS, Entry, FreeText

COUNTER = CounterContent(
    slug="mairie",
    name="Mairie",
    address=("1 place de la Mairie", "12340 Val-d'Aurore"),
    phone="05 36 49 10 00",
    phone_uri="tel:+33536491000",
    email=None,
    closures=(),
    closures_below=False,
    hours_caption="Horaires d'ouverture",
    hours=(("Lundi", ("8\u00a0h\u00a030 à 12\u00a0h",)),),
    closed=("Autres jours", "fermé"),
    note=None,
)


def good_to_know(html: str) -> FreeText:
    """A « Bon à savoir » part of ``html``, in full."""
    return FreeText("good_to_know", "Bon à savoir", "Bon à savoir", html)


def content(count: int = 3, level: int = 0, title: str = "Fiche", **changes) -> FlyerContent:
    fields = dict(
        level=level,
        layout=LAYOUTS[level],
        recto_verso=level > 0,
        abridged=False,
        cut=(),
        town="Mairie de Val-d'Aurore",
        author="Mairie",
        theme="Papiers",
        title=title,
        summary="Un résumé.",
        cost="Gratuit",
        delay="2 semaines",
        web="www.val-daurore.fr/demarches/x/",
        online=None,
        documents=tuple(Entry(ITEM, f"<p>Pièce numéro {n}</p>") for n in range(count)),
        steps=(Entry(ITEM, "<p>Une étape.</p>", 1),),
        lead=(),
        more=(),
        missing=None,
        forms=(),
        many=False,
        counters=(COUNTER,),
        verified="1er octobre 2026",
        edited=None,
        source=None,
    )
    return FlyerContent(**{**fields, **changes})
