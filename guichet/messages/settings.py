"""Messages about the settings file (pelicanconf.py, publishconf.py or a town's own)."""

UNKNOWN = "Le réglage {name} n'est lu par aucune partie de Guichet : il est sans effet."
UNKNOWN_HINT = "Vouliez-vous écrire {closest} ?"
UNKNOWN_HINT_NONE = "Vérifiez son nom dans pelicanconf.py, où chaque réglage est décrit."
WRONG_TYPE = "Le réglage {name} vaut {value!r} : il faut {expected}."
WRONG_TYPE_HINT = "Corrigez-le dans le fichier de réglages (par défaut : {default!r})."
EXPECTED = {
    "int": "un nombre entier (par exemple 12)",
    "bool": "True ou False",
    "str": "un texte entre guillemets",
    "list": 'une liste entre crochets (par exemple ["a", "b"])',
    "dict": 'un dictionnaire entre accolades (par exemple {"a": "b"})',
    "date": 'une date (par exemple "2026-11-24")',
}
OR_NONE = "{expected}, ou None"
