"""Hard flyers, written into a copy of the sample town: 20 documents and 15 steps, 6 and 7
counters, a long « Bon à savoir », long words and web addresses, notes and sub-headings between
the documents and the steps, an introduction and sections of the procedure's own (« Tarifs »,
« Recours »), and much of it at once (``longue``: 22 documents, two with choices, 16 steps, 6
paragraphs of « Bon à savoir », a form, links to the site and elsewhere; ``tout-a-la-fois``: 25
documents and 18 steps, some of three lines, and a counter with eighteen closures). What each
must print is listed with it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT

WORD = "Anticonstitutionnellementextraordinairementinterminablement"[:60].ljust(60, "x")
URL = "https://www.service-public.gouv.fr/particuliers/vosdroits/" + "a" * 40 + "/" + "b" * 20
URL = URL[:120].ljust(120, "c")
assert len(WORD) == 60 and len(URL) == 120

PROCEDURE = """Titre: {title}
Resume: {summary}
Theme: etat-civil
Guichets: {counters}
Cout: Gratuit
Delai: 2 semaines
Verifie-le: 2026-10-15

{intro}

## Qui est concerné

{who}

## Pièces à fournir

{documents}

## Étapes

{steps}

## Bon à savoir

{good}

{extra}
"""

COUNTER = """Titre: Point d'accueil numéro {n}
Adresse: {n} rue des Essais
    1234{n} Val-d'Aurore
Telephone: 05 36 49 2{n} 0{n}
Horaires: lundi : 8h30-12h00, 13h30-17h30
    mardi : 8h30-12h00
    du mercredi au vendredi : 8h30-12h00, 13h30-17h30
    samedi : 9h-12h
Fermetures: 24/12/2026 au 02/01/2027 : congés de fin d'année
    07/05/2027 : pont de l'Ascension

Un point d'accueil de test.
"""

SENTENCE = "Cette phrase est là pour allonger le texte de la démarche. "

DOCUMENTS_20 = [f"Pièce justificative numéro {n} : original et copie" for n in range(1, 21)]
STEPS_15 = [f"Étape numéro {n} : faites ce qui est demandé, puis la suite" for n in range(1, 16)]
SIX = [f"essai-{n}" for n in range(1, 7)]
SEVEN = [f"quartier-{n}" for n in range(1, 8)]

QUARTER = """Titre: Guichet de quartier numéro {n}
Adresse: {n} rue du Quartier
    1235{n} Val-d'Aurore
Telephone: 05 36 49 3{n} 0{n}
Horaires: {hours}
Fermetures: 24/12/2026 au 02/01/2027 : congés de fin d'année
    07/05/2027 : pont de l'Ascension

Un guichet de quartier de test.
"""

WEEK = "du lundi au vendredi : 8h30-12h00, 13h30-17h30\n    samedi : 9h-11h30"
"""Five days in a row with the same hours: « Du lundi au vendredi » with three counters or more."""
SPLIT_WEEK = (
    "lundi : 8h30-12h00, 13h30-17h30\n    mardi : 8h30-12h00\n"
    "    du mercredi au vendredi : 8h30-12h00, 13h30-17h30\n    samedi : 9h-12h"
)
"""The sample town's mairie: « Lundi, du mercredi au vendredi »."""

LONG_WORD = "Intercommunalementreglementairementsupplementairementindubitablement"[:66]
LONG_URL = "https://www.demarches-essai.gouv.fr/usagers/dossiers/" + "d" * 50 + "/pieces-"
LONG_URL = (LONG_URL + "complementaires-et-formulaires-a-remplir-avant-le-rendez-vous")[:150]
assert len(LONG_WORD) == 66 and len(LONG_URL) == 150
FORM = "documents/demande-domiciliation.pdf"
"""A form of the sample town, linked from the long case's header and its « Bon à savoir »."""


def _long_documents() -> str:
    lines = []
    for n in range(1, 21):
        lines.append(f"- Justificatif numéro {n} pour ce dossier : l'original et une copie lisible")
        if n == 4:
            lines += [
                "- Un justificatif de domicile de moins de 3 mois, au choix :",
                "  - une facture d'eau, de gaz ou d'électricité",
                "  - une quittance de loyer",
                "  - une attestation d'assurance habitation",
            ]
        if n == 12:
            lines += [
                "- Un justificatif de ressources :",
                "  - votre dernier avis d'impôt sur le revenu",
                "  - vos trois derniers bulletins de paie",
            ]
    return "\n".join(lines)


def _long_steps() -> str:
    steps = [
        f"Étape numéro {n} : faites ce qui est demandé, puis passez à la suivante."
        for n in range(1, 17)
    ]
    steps[1] = f"Lisez [la notice détaillée]({LONG_URL}) avant de remplir le dossier."
    steps[2] = f"Recopiez le code {LONG_WORD} sur la première page."
    steps[5] = (
        "Déposez le dossier à [l'accueil de la mairie](/guichets/mairie/) aux heures d'ouverture."
    )
    return "\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1))


ADVICE = "Cette phrase donne aux habitants un conseil pratique de plus. "
LONG_GOOD = [
    f"Vous pouvez [télécharger le formulaire](/{FORM}) avant de venir. {ADVICE * 3}",
    *(f"Conseil numéro {n}. {ADVICE * 6}" for n in range(2, 7)),
]

DETAILED = (
    "un justificatif détaillé, par exemple une attestation de l'employeur de moins de 3 mois, "
    "signée et tamponnée, avec le numéro SIRET de l'entreprise, l'adresse complète de son siège "
    "et le nom de la personne à contacter en cas de question"
)
CLOSED_OFTEN = """Titre: Guichet souvent fermé
Adresse: 8 rue des Travaux
    12340 Val-d'Aurore
Telephone: 05 36 49 40 40
Horaires: lundi : 8h30-10h00, 10h15-12h00, 13h30-15h00, 15h15-17h30 sur rendez-vous
    du mardi au vendredi : 8h30-12h00, 13h30-17h30
Fermetures: 24/12/2026 au 02/01/2027 : congés de fin d'année
{closures}

Un guichet en travaux, fermé souvent.
"""
"""A counter with eighteen upcoming closures, printed under its contact and hours: in the
contact's column, each took two lines, and with the longest lists the flyer took three pages."""
CLOSURES = [
    f"    {n:02d}/03/2027 : fermeture numéro {n} pour des travaux dans le bâtiment"
    for n in range(1, 18)
]


def _procedure(content: Path, slug: str, **fields) -> None:
    values = {
        "title": slug,
        "summary": "Une démarche d'essai pour la fiche imprimée.",
        "counters": "mairie",
        "intro": "",
        "extra": "",
        "who": "Tout le monde.",
        "documents": "- Une pièce d'identité",
        "steps": "1. Venez au guichet.",
        "good": "Rien de particulier.",
        **fields,
    }
    forms = values.pop("forms", None)
    text = PROCEDURE.format(**values)
    if forms:
        text = text.replace("\nVerifie-le:", f"\nFormulaires: {forms}\nVerifie-le:", 1)
    (content / "demarches" / f"{slug}.md").write_text(text, encoding="utf-8")


CASES = {
    "vingt-pieces": {
        "title": "Vingt pièces et quinze étapes",
        "documents": "\n".join(f"- {d}" for d in DOCUMENTS_20),
        "steps": "\n".join(f"{n}. {s}" for n, s in enumerate(STEPS_15, 1)),
        "counters": "mairie, mairie-annexe",
    },
    "six-guichets": {
        "title": "Six guichets",
        "counters": ", ".join(SIX),
        "documents": "\n".join(f"- {d}" for d in DOCUMENTS_20[:8]),
        "steps": "\n".join(f"{n}. {s}" for n, s in enumerate(STEPS_15[:6], 1)),
    },
    "bon-a-savoir-long": {
        "title": "Un long Bon à savoir",
        "good": "\n\n".join(SENTENCE * 8 for _ in range(6)),
        "documents": "\n".join(f"- {d}" for d in DOCUMENTS_20[:6]),
        "steps": "\n".join(f"{n}. {s}" for n, s in enumerate(STEPS_15[:5], 1)),
    },
    "sept-guichets": {
        "title": "Sept guichets de quartier",
        "counters": ", ".join(SEVEN),
        "documents": "\n".join(f"- {d}" for d in DOCUMENTS_20[:3]),
        "steps": "\n".join(f"{n}. {s}" for n, s in enumerate(STEPS_15[:3], 1)),
        "who": "Tout le monde. Même les personnes qui habitent ailleurs. Elles viennent avec un "
        "justificatif.",
        "good": "Le document est valable un an. Gardez-le avec vos papiers.",
    },
    "texte-complet": {
        "title": "Chaque ligne compte",
        "intro": "Cette démarche se fait uniquement en personne. Aucune demande par courrier.",
        "documents": "- Une pièce d'identité\n- Un acte de naissance de moins de 3 mois\n"
        "  - copie intégrale\n  - ou extrait avec filiation\n\n"
        "Pour un enfant mineur, apportez aussi le livret de famille.\n\n"
        "### Si vous êtes né à l'étranger\n\n"
        "- Une traduction officielle de l'acte\n- Le certificat de nationalité",
        "steps": "1. Remplissez le formulaire.\n2. Prenez rendez-vous.\n\n"
        "Attendez la confirmation par courrier avant de venir.\n\n"
        "3. Venez au guichet avec vos pièces.\n4. Retirez le document.",
        "extra": "## Tarifs\n\nLa première demande est gratuite. Un duplicata coûte 10 €.\n\n"
        "## Recours\n\nEn cas de refus, écrivez au maire dans les 2 mois.",
    },
    "sections-longues": {
        "title": "De longues sections en plus",
        "intro": "\n\n".join(f"Introduction {n}. " + SENTENCE * 6 for n in range(1, 4)),
        "documents": "\n".join(f"- {d}" for d in DOCUMENTS_20[:12]),
        "steps": "\n".join(f"{n}. {s}" for n, s in enumerate(STEPS_15[:8], 1)),
        "good": "Rien de particulier.",
        "extra": "## Tarifs\n\n"
        + "\n\n".join(f"Tarif {n}. " + SENTENCE * 8 for n in range(1, 6))
        + "\n\n## Recours\n\n"
        + "\n\n".join(f"Recours {n}. " + SENTENCE * 8 for n in range(1, 6)),
    },
    "mots-longs": {
        "title": f"Titre {WORD} fin",
        "documents": f"- Pièce {WORD}\n- Formulaire à télécharger : {URL}\n"
        f"- Le [formulaire en ligne]({URL})",
        "steps": f"1. Allez sur {URL} puis validez.\n2. Écrivez {WORD}.",
        "good": f"Paragraphe avec {WORD} et l'adresse {URL} au milieu. "
        "Voir aussi [la page des pièces](/demarches/carte-identite/).",
    },
    "longue": {
        "title": f"Demande {LONG_WORD} complète",
        "summary": "Une démarche très longue : tout ce qui allonge une fiche à la fois.",
        "forms": f"[Demande de domiciliation]({FORM})",
        "who": f"Toute personne qui habite la commune. Le détail est sur {LONG_URL} et sur "
        "[la page de la carte d'identité](/demarches/carte-identite/).",
        "documents": _long_documents(),
        "steps": _long_steps(),
        "good": "\n\n".join(LONG_GOOD),
    },
    "tout-a-la-fois": {
        "title": "Vingt-cinq pièces, dix-huit étapes et un guichet souvent fermé",
        "counters": "mairie, souvent-ferme",
        "documents": "\n".join(
            f"- Pièce numéro {n} : " + (DETAILED if n % 4 == 3 else "document ordinaire")
            for n in range(1, 26)
        ),
        "steps": "\n".join(
            f"{n}. Étape numéro {n} : " + (DETAILED if n % 4 == 2 else "action courte")
            for n in range(1, 19)
        ),
        "good": "\n\n".join(SENTENCE * 4 for _ in range(3)),
    },
}


def write_cases(target: Path) -> Path:
    """A copy of the sample town's content with the hard flyers and fourteen extra counters."""
    content = target / "content"
    shutil.copytree(ROOT / "content", content)
    for n, slug in enumerate(SIX, 1):
        (content / "guichets" / f"{slug}.md").write_text(COUNTER.format(n=n), encoding="utf-8")
    for n, slug in enumerate(SEVEN, 1):
        hours = SPLIT_WEEK if n % 3 == 0 else WEEK
        text = QUARTER.format(n=n, hours=hours)
        (content / "guichets" / f"{slug}.md").write_text(text, encoding="utf-8")
    closed_often = CLOSED_OFTEN.format(closures="\n".join(CLOSURES))
    (content / "guichets" / "souvent-ferme.md").write_text(closed_often, encoding="utf-8")
    for slug, fields in CASES.items():
        _procedure(content, slug, **fields)
    return content
