"""Messages of ``make verifier``, the content report (terminal and HTML)."""

from __future__ import annotations

from guichet.messages import count  # noqa: F401  (counts read as French: « 1 démarche »)

TITLE = "Rapport de contenu"
INTRO = "{procedures} et {counters} relus le {today}."
ALL_GOOD = "✓ Rien à signaler : {procedures} et {counters} relus. Rapport : {path}"
SUMMARY = "⚠ {findings} dans {files}. Rapport complet : {path}"
EXTERNAL_COUNT = (
    "ℹ {count} vers d'autres sites : à ouvrir une fois par an pour vérifier qu'ils marchent "
    "(liste dans le rapport)."
)

STALE_TITLE = (
    "Démarches à revoir (vérifiées il y a plus de {months} mois), la plus ancienne d'abord"
)
STALE = "Vérifiée le {date}, il y a plus de {months} mois : relisez-la avec le service concerné."
STALE_LINE = "{source} — vérifiée le {date}"
SOON_TITLE = "Démarches à revoir dans les {days} prochains jours, la plus proche d'abord"
SOON_LINE = "{source} — vérifiée le {verified}, à revoir à partir du {day}"
FLYERS_TITLE = "Fiches imprimées sur plus d'une face (d'après la dernière construction)"
FLYER_LINE = "{source} — {title} : {pages} pages ; {rule}. Cause : {why}."
FLYERS_NONE = (
    "✓ Toutes les fiches imprimées tiennent sur une face (d'après la dernière construction)."
)
FLYERS_NO_BUILD = (
    "Fiches imprimées : construisez le site d'abord : make html (le rapport lit ce que la "
    "dernière construction a mesuré)."
)
FLYERS_OUTDATED = (
    "Le contenu a changé depuis cette construction : relancez make html pour mettre cette "
    "liste à jour."
)
NO_DATE = "La date de vérification (« Verifie-le ») manque ou n'est pas une date."

BLOCKING = "Erreur qui empêche la construction du site : {message}"
LOW_SCORE = (
    "Texte difficile à lire : {value} sur 100 ({level}). Visez {minimum} ou plus : "
    "phrases plus courtes, mots plus simples."
)
LONG_SENTENCE = "Phrase de {count} mots (au plus {limit}) : coupez-la en deux. « {quote} »"
LONG_PARAGRAPH = "Paragraphe de {count} mots (au plus {limit}) : coupez-le ou faites une liste."
ALT_MISSING = "Image sans texte de remplacement : {src}."
ALT_EMPTY = "Image au texte de remplacement vide : {src}."
ALT_MEANINGLESS = "Le texte de remplacement « {alt} » ne décrit pas l'image {src}."
ALT_HINT = "Écrivez ce que montre l'image : ![la façade de la mairie](images/mairie.jpg)"
ALT_EMPTY_HINT = (
    "Écrivez ce que montre l'image : ![la façade de la mairie](images/mairie.jpg). "
    'Si elle est purement décorative, écrivez : ![](images/frise.png "décoratif")'
)
HEADING_SKIP = (
    "Le titre « {text} » est de niveau {level} ({hashes}) : ici, il faut {allowed_hashes} "
    "au plus (on ne saute pas de niveau)."
)
HEADING_H1 = "Le titre « {text} » utilise « # » : le titre de la page est déjà « Titre: »."
BROKEN_LINK = "Lien vers une page qui n'existe pas : {href}"
BROKEN_FILE = "Lien vers un fichier qui n'existe pas : {href} (fichier cherché : content/{target})"
NO_COUNTER = "Aucun guichet n'est indiqué : les habitants sans internet ne savent pas où aller."
UNUSED_COUNTER = "Aucune démarche n'indique ce guichet."

EXTERNAL_TITLE = "Liens vers d'autres sites, à ouvrir une fois par an"
SCORES_TITLE = "Lisibilité de chaque démarche (Kandel et Moles : 100 = très facile)"
LINE = "ligne {line}"
NOTHING = "Rien à signaler."
