"""Messages about notices (content/avis/*.md) and what the banner says."""

from __future__ import annotations

MISSING = "Le champ « {field} » est obligatoire et il manque."
EMPTY = "Le champ « {field} » est vide."
EXAMPLE = "Exemple attendu : {field}: {example}"
UNKNOWN = "Le champ « {field} » n'est pas connu : un avis a les champs {known}."
END_BEFORE_START = "La date de fin ({end}) est avant la date de début ({start})."
END_BEFORE_START_HINT = "Un avis s'affiche du jour de « Debut » au jour de « Fin » inclus."
LONG_TEXT = (
    "L'avis fait {length} caractères : il s'affiche en haut de chaque page, {limit} au plus."
)
LONG_TEXT_HINT = "Gardez l'essentiel et mettez le détail sur la page indiquée par « Lien »."
BAD_LINK = "« {value} » n'est ni une page du site (/guichets/mairie/) ni une adresse https://."
BAD_LINK_HINT = "Exemple attendu : Lien: /guichets/mairie/"
NEWS_FOLDER = (
    "Le dossier des actualités ({folder}) n'est pas publié : le site n'a pas d'actualités."
)
NEWS_FOLDER_HINT = (
    "Pour une information datée (fermeture, grève, élection), écrivez un avis dans content/avis/ "
    "(guide de rédaction, partie « Les avis »)."
)

CLOSURE = "{counter} : fermeture exceptionnelle {when} ({reason})."
"""Banner line for a closure of the main counter within GUICHET_NOTICE_CLOSURE_DAYS."""
