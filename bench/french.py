"""Synthetic French procedure text: realistic length and structure, deterministic from a seed.

Pure: only ``random.Random``. A procedure body has the four sections of the content model (Qui est
concerné, Pièces à fournir, Étapes, Bon à savoir) and about ``words`` words, like a real one.
"""

from __future__ import annotations

import random

ACTIONS = [
    "Demander",
    "Renouveler",
    "Déclarer",
    "Obtenir",
    "Inscrire",
    "Modifier",
    "Signaler",
    "Réserver",
    "Résilier",
    "Contester",
]
OBJECTS = [
    "une carte de stationnement résident",
    "une autorisation d'occupation du trottoir",
    "un badge pour la déchetterie",
    "une place au marché hebdomadaire",
    "un raccordement au réseau d'eau",
    "une aide pour la rentrée scolaire",
    "une salle communale",
    "un composteur collectif",
    "un permis de louer",
    "une dérogation scolaire",
    "une autorisation de débit de boissons",
    "un certificat d'hérédité",
    "une attestation d'accueil",
    "une carte de transport scolaire",
    "un emplacement au jardin partagé",
    "un arrêté de circulation pour un déménagement",
    "une aide au ravalement de façade",
    "une numérotation de maison",
    "un abattage d'arbre",
    "une collecte des encombrants",
    "un stage d'été pour les jeunes",
    "une inscription à la médiathèque",
    "un chien de catégorie",
    "une vente au déballage",
    "une enseigne commerciale",
]
PUBLICS = [
    "pour un particulier",
    "pour une association",
    "pour un commerçant",
    "pour une personne âgée",
    "pour un enfant mineur",
    "pour une entreprise",
    "",
]
WHO = [
    "Toute personne qui habite à {town}, propriétaire ou locataire.",
    "Les habitants de {town} majeurs, ou leur représentant légal.",
    "Les associations dont le siège est à {town}.",
    "Les commerçants et artisans installés sur la commune depuis plus de {n} mois.",
    "Les familles dont un enfant est scolarisé dans une école de la commune.",
    "Vous pouvez faire la demande pour vous-même ou pour un proche, avec une procuration.",
    "Si vous habitez hors de la commune, adressez-vous à la mairie de votre domicile.",
    "Les personnes hébergées chez un tiers peuvent aussi faire la demande, avec une attestation.",
]
DOCUMENTS = [
    "Une pièce d'identité en cours de validité",
    "Un justificatif de domicile de moins de {n} mois",
    "Le formulaire de demande rempli et signé",
    "Le livret de famille, si la demande concerne un enfant",
    "Un relevé d'identité bancaire au nom du demandeur",
    "Le dernier avis d'imposition ou de non-imposition",
    "Une photo d'identité récente, de face, sans lunettes",
    "L'attestation d'assurance responsabilité civile de l'année en cours",
    "Les statuts de l'association et la liste des membres du bureau",
    "Un plan de situation indiquant l'emplacement exact",
    "Le certificat d'immatriculation du véhicule",
    "Une copie du bail ou de l'acte de propriété",
    "Le jugement de divorce, si vous êtes séparé",
    "Un courrier expliquant votre demande en quelques lignes",
]
STEPS = [
    "Rassemblez les pièces de la liste ci-dessus et faites-en une copie.",
    "Retirez le formulaire à l'accueil de la mairie ou demandez-le par téléphone.",
    "Remplissez le formulaire en lettres capitales et signez-le.",
    "Prenez rendez-vous avec le service concerné, par téléphone ou à l'accueil.",
    "Déposez votre dossier complet au guichet, ou envoyez-le par courrier.",
    "Le service vérifie votre dossier sous {n} jours et vous appelle s'il manque une pièce.",
    "Vous recevez la réponse de la mairie par courrier à votre domicile.",
    "Venez retirer votre document au guichet, avec votre pièce d'identité.",
    "Payez les frais éventuels au guichet, par chèque, carte ou espèces.",
    "Conservez le récépissé : il prouve la date de votre demande.",
]
ADVICE = [
    "La demande est gratuite, sauf mention contraire sur cette page.",
    "Le délai peut être plus long en juillet et en août, pendant les congés du personnel.",
    "Si votre dossier est incomplet, il vous est rendu avec la liste des pièces manquantes.",
    "Vous pouvez vous faire aider par l'agent d'accueil pour remplir le formulaire.",
    "Une personne de confiance peut vous accompagner au rendez-vous.",
    "La mairie ne demande jamais de paiement par téléphone ni par courriel.",
    "En cas de refus, vous pouvez faire un recours auprès du maire dans un délai de {n} mois.",
    "Gardez une copie de toutes les pièces que vous déposez.",
    "Le document est valable {n} ans à compter de sa date de délivrance.",
    "Pour toute question, appelez l'accueil aux heures d'ouverture du guichet.",
    "Les personnes qui ne peuvent pas se déplacer peuvent demander une visite à domicile.",
    "Un interprète en langue des signes peut être présent si vous le demandez à l'avance.",
    "Le conseil municipal fixe les tarifs chaque année, en décembre.",
    "Votre demande est traitée dans l'ordre d'arrivée des dossiers complets.",
    "Les informations que vous donnez servent uniquement à traiter votre demande.",
    "Vous pouvez suivre l'avancement de votre dossier en appelant le service.",
    "Les dossiers déposés le samedi matin sont enregistrés le lundi suivant.",
    "Si vous changez d'adresse pendant la démarche, prévenez le service au plus vite.",
    "Une copie certifiée conforme n'est plus demandée : une simple photocopie suffit.",
    "Un document écrit dans une langue étrangère doit être traduit par un traducteur agréé.",
    "Le guichet peut imprimer gratuitement une page de formulaire si vous n'avez pas d'imprimante.",
    "Pendant les vacances scolaires, le service reçoit uniquement sur rendez-vous.",
    "Pensez à signer chaque page du formulaire : un dossier non signé ne peut pas être traité.",
    "La réponse est envoyée à l'adresse indiquée sur le formulaire, pas à celle du justificatif.",
    "Les élus tiennent une permanence le premier samedi du mois pour les cas difficiles.",
    "Un point numérique, avec un ordinateur et une aide, est ouvert à l'accueil de la mairie.",
    "Les délais indiqués sont des moyennes : ils peuvent varier selon le nombre de demandes.",
    "Si vous ne recevez pas de réponse dans ce délai, appelez le service avec votre récépissé.",
]
COSTS = ["Gratuit", "10 €", "25 € par an", "Gratuit pour les habitants, 15 € sinon", "5 €"]
DELAYS = ["Immédiat au guichet", "1 à 2 semaines", "2 à 4 semaines", "Environ 1 mois", "3 jours"]


def title(rng: random.Random) -> str:
    """A procedure title such as « Demander une salle communale pour une association »."""
    words = [rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(PUBLICS)]
    return " ".join(w for w in words if w)


def summary(rng: random.Random, title_text: str) -> str:
    """One sentence, well under the 200-character limit."""
    where = rng.choice(["à la mairie", "au guichet", "par courrier ou au guichet"])
    return f"{title_text} : les pièces à fournir et les étapes, {where}."[:190]


def _fill(rng: random.Random, sentence: str, town: str) -> str:
    return sentence.format(town=town, n=rng.randint(2, 12))


def body(rng: random.Random, town: str, words: int = 650, photo: tuple[str, str] | None = None):
    """Markdown body of about ``words`` words; ``photo`` is (source, alt) to show near the top."""
    who = " ".join(_fill(rng, s, town) for s in rng.sample(WHO, 3))
    parts = ["## Qui est concerné", "", who, ""]
    if photo:
        parts += [f"![{photo[1]}]({photo[0]})", ""]
    parts += ["## Pièces à fournir", ""]
    parts += [f"- {_fill(rng, s, town)}" for s in rng.sample(DOCUMENTS, rng.randint(5, 8))]
    parts += ["", "## Étapes", ""]
    steps = rng.sample(STEPS, rng.randint(5, 8))
    parts += [f"{i}. {_fill(rng, s, town)}" for i, s in enumerate(steps, 1)]
    parts += ["", "## Bon à savoir", ""]
    text = "\n".join(parts)
    count = len(text.split())
    while count < words:
        paragraph = " ".join(_fill(rng, s, town) for s in rng.sample(ADVICE, 3))
        text += "\n" + paragraph + "\n"
        count += len(paragraph.split())
    return text
