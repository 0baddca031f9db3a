"""Hard flyers, written into a copy of the sample town: 20 documents and 15 steps, 6 counters,
a long « Bon à savoir », long words and web addresses, and all of it at once (``longue``: 22
documents, two with choices, 16 steps, 6 paragraphs of « Bon à savoir », a form, links to the
site and elsewhere). What each must print is listed with it."""

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

## Qui est concerné

{who}

## Pièces à fournir

{documents}

## Étapes

{steps}

## Bon à savoir

{good}
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


def _procedure(content: Path, slug: str, **fields) -> None:
    values = {
        "title": slug,
        "summary": "Une démarche d'essai pour la fiche imprimée.",
        "counters": "mairie",
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
}


def write_cases(target: Path) -> Path:
    """A copy of the sample town's content with the hard flyers and six extra counters."""
    content = target / "content"
    shutil.copytree(ROOT / "content", content)
    for n, slug in enumerate(SIX, 1):
        (content / "guichets" / f"{slug}.md").write_text(COUNTER.format(n=n), encoding="utf-8")
    for slug, fields in CASES.items():
        _procedure(content, slug, **fields)
    return content
