"""Messages about the town's own file, content/commune.md (name, address, themes…)."""

from __future__ import annotations

NO_FILE = "Le fichier de la commune manque : le site ne sait pas quelle commune il présente."
NO_FILE_HINT = (
    "Créez content/commune.md (modèle dans docs/guide-redaction.md, partie « La commune »)."
)
MISSING = "Le champ « {field} » est obligatoire et il manque."
EMPTY = "Le champ « {field} » est vide."
EXAMPLE = "Exemple attendu : {field}: {example}"
UNKNOWN = "Le champ « {field} » n'est pas connu."
UNKNOWN_HINT = "Champs possibles : {known}."
UNKNOWN_HINT_SUGGESTION = "Vouliez-vous écrire « {suggestion} » ? Champs possibles : {known}."
DUPLICATE = "Le champ « {field} » est écrit deux fois (lignes {first} et {second})."
DUPLICATE_HINT = "Gardez une seule ligne « {field}: … »."
BAD_URL = "« {value} » n'est pas l'adresse complète d'un site (elle commence par https://)."
BAD_STATUS = "« {value} » n'est pas un état de conformité au RGAA."
STATUS_HINT = "Écrivez « totalement conforme », « partiellement conforme » ou « non conforme »."
UNKNOWN_COUNTER = "Le guichet « {value} » n'existe pas dans content/guichets/."
UNKNOWN_COUNTER_HINT = "Guichets existants : {known}."
BAD_THEME_LINE = "La ligne de thème « {text} » doit avoir la forme « clé : libellé »."
BAD_THEME_KEY = "La clé de thème « {key} » ne convient pas pour une adresse web (/themes/{key}/)."
BAD_THEME_KEY_HINT = (
    "Minuscules sans accents ni espaces, avec des tirets : par exemple « objets-trouves »."
)
DUPLICATE_THEME = "Le thème « {key} » est écrit deux fois."
DUPLICATE_THEME_HINT = "Gardez une seule ligne par thème : chaque thème a sa page."
