"""Messages about procedures and counters (metadata of content/demarches and content/guichets)."""

from __future__ import annotations

MISSING_FIELD = "Le champ « {field} » est obligatoire et il manque."
EMPTY_FIELD = "Le champ « {field} » est vide."
EXAMPLE = "Exemple attendu : {field}: {example}"
UNKNOWN_FIELD = "Le champ « {field} » n'est pas connu : il sera ignoré."
UNKNOWN_FIELD_HINT = "Vouliez-vous écrire « {suggestion} » ? Champs possibles : {known}."
UNKNOWN_FIELD_HINT_NO_SUGGESTION = "Champs possibles : {known}."
UNKNOWN_FIELD_CUT = (
    "« {field} » n'est le nom d'aucun champ : après la ligne vide, l'en-tête s'arrête là, et les "
    "champs qui suivent seraient publiés comme du texte."
)
EMPTY_FILE = "Le fichier est vide."
EMPTY_FILE_HINT = "Copiez un modèle (make demarche) ou supprimez ce fichier."
NOT_UTF8 = "Le fichier n'est pas enregistré en UTF-8 (caractères illisibles)."
NOT_UTF8_HINT = "Ouvrez-le dans votre éditeur et enregistrez-le avec l'encodage « UTF-8 »."
UNREADABLE = "Le fichier ne peut pas être lu : {error}"
BAD_SLUG = "Le nom du fichier « {name} » ne convient pas pour une adresse web."
BAD_SLUG_HINT = (
    "Renommez le fichier en minuscules sans accents ni espaces, avec des tirets, "
    "40 caractères au plus : par exemple « carte-identite.md »."
)
RESERVED_SLUG = "Le nom de fichier « {name} » est réservé par le site."
DUPLICATE_SLUG = "L'adresse « {url} » est déjà utilisée par {other}."
DUPLICATE_SLUG_HINT = "Donnez un autre nom à l'un des deux fichiers."
UNKNOWN_THEME = "Le thème « {value} » n'existe pas."
UNKNOWN_THEME_HINT = "Thèmes possibles : {known}."
UNKNOWN_COUNTER = "Le guichet « {value} » n'existe pas."
UNKNOWN_COUNTER_HINT = (
    "Écrivez le nom d'un fichier de content/guichets/ sans « .md ». Guichets existants : {known}."
)
BAD_EMAIL = "« {value} » n'est pas une adresse de courriel."
BAD_URL = "« {value} » n'est pas une adresse web complète."
BAD_YES_NO = "« {value} » : écrivez « oui » ou « non »."
LONG_SUMMARY = (
    "Le résumé fait {length} caractères : visez une phrase de {limit} caractères au plus."
)
STALE = "Cette démarche a été vérifiée le {date}, il y a plus de {months} mois."
STALE_HINT = "Vérifiez-la auprès du service concerné, puis mettez à jour « Verifie-le »."
FUTURE_DATE = "La date de vérification ({date}) est dans le futur."
MISSING_SECTION = "La partie « {heading} » manque dans le texte de la démarche."
MISSING_SECTION_HINT = "Ajoutez un titre « ## {heading} » suivi d'une liste."
EMPTY_LIST_SECTION = "La partie « {heading} » doit contenir une liste (une ligne par élément)."
EMPTY_LIST_SECTION_HINT = "Commencez chaque élément par « - » (ou « 1. » pour des étapes)."
MISSING_OPTIONAL = "Le champ « {field} » n'est pas rempli : il aide les habitants."
UNUSED_COUNTER = "Aucune démarche n'indique ce guichet."
PLACEHOLDER = "À REMPLIR"
"""What ``make demarche`` writes where staff still have something to fill in."""
NOT_FILLED = "Le champ « {field} » n'est pas encore rempli (il contient « À REMPLIR »)."
NOT_FILLED_HINT = "Remplacez « À REMPLIR » et le texte d'aide qui suit par votre texte."
BODY_NOT_FILLED = "Le texte contient encore « À REMPLIR » dans la partie « {heading} »."
BODY_NOT_FILLED_HINT = "Remplacez chaque « À REMPLIR » et le texte d'aide par votre texte."
BAD_NATIONAL_ID = "« {value} » n'est pas un numéro de fiche service-public.fr (exemple : F1341)."

# -- the header (guichet/header.py) -------------------------------------------------------------
DUPLICATE_FIELD = "Le champ « {field} » est écrit deux fois (déjà à la ligne {first})."
DUPLICATE_FIELD_HINT = (
    "Gardez une seule ligne pour ce champ, celle qui est juste, et supprimez l'autre."
)
NO_COLON = "La ligne « {line} » n'a pas de deux-points : ce n'est ni un champ ni du texte."
NO_COLON_HINT = (
    "Écrivez le nom du champ suivi de deux-points : « {field}: {value} ». Si c'est le début "
    "du texte, laissez une ligne vide avant."
)
FIELD_IN_BODY = (
    "La ligne « {line} » ressemble au champ « {field} », mais elle est dans le texte : "
    "elle serait publiée telle quelle."
)
FIELD_IN_BODY_HINT = (
    "Remontez-la dans l'en-tête, avec les autres champs, en écrivant exactement « {field}: … »."
)
TOO_LARGE = "Le fichier fait {size} Ko : c'est plus que les {limit} Ko permis pour une page."
TOO_LARGE_HINT = (
    "Une démarche tient en quelques Ko de texte. Vérifiez que vous n'avez pas collé une image "
    "ou un document entier ; coupez la page en plusieurs si besoin."
)
BAD_LIST_INDENT = (
    "La ligne « {line} » est décalée de {spaces} espace(s) sous la liste : elle ne sera pas lue "
    "comme une sous-liste."
)
BAD_LIST_INDENT_HINT = (
    "Décalez un sous-élément de 2 espaces (ou plus) sous l'élément qui le contient, ou "
    "commencez-le au bord de la ligne pour un élément de la même liste."
)
GLUED_ITEM = (
    "La ligne « {line} » n'a pas d'espace après « {marker} » : elle serait collée à l'élément "
    "précédent de la liste au lieu d'en être un."
)
GLUED_ITEM_HINT = "Mettez une espace après « {marker} » : « {fixed} »."
SPACE_IN_NAME = "Le nom de champ « {name} » contient une espace : il n'est pas reconnu."
SPACE_IN_NAME_HINT = "Écrivez-le avec des tirets : « {field}: {value} »."
NOT_INDENTED = (
    "La ligne « {line} » suit le champ « {field} » sans être décalée : ce n'est ni la suite du "
    "champ ni du texte."
)
NOT_INDENTED_HINT = (
    "Si elle continue « {field} », commencez-la par une espace. Si c'est le début du texte, "
    "laissez une ligne vide avant."
)
