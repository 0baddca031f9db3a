"""Messages about images (``![texte](images/x.jpg)`` in pages, procedures and counters)."""

from __future__ import annotations

HOW_TO_INSERT = (
    "Enregistrez l'image dans content/images/ et insérez-la ainsi : "
    "![Description de l'image](images/nom.jpg)"
)
NO_ALT = "L'image « {src} » n'a pas de texte alternatif."
NO_ALT_HINT = (
    "Décrivez ce qu'elle montre entre les crochets : ![Façade de la mairie](images/mairie.jpg). "
    'Si elle est purement décorative, écrivez : ![](images/frise.png "décoratif")'
)
EMPTY_SRC = "Une image n'indique aucun fichier (adresse vide)."
REMOTE = (
    "L'image « {src} » est hébergée sur un autre site : c'est refusé, le site ne fait charger "
    "aucun fichier d'un autre site (ni aux habitants, ni pendant la construction)."
)
OUTSIDE_CONTENT = "L'image « {src} » désigne un fichier situé hors du dossier content/ : refusé."
OUTSIDE_IMAGES = "L'image « {src} » n'est pas dans le dossier content/{folder}/."
OUTSIDE_IMAGES_HINT = "Déplacez le fichier dans content/{folder}/ et corrigez le lien."
MISSING = "L'image « {src} » est introuvable : aucun fichier {path}."
MISSING_HINT = (
    "Vérifiez le nom du fichier dans content/{folder}/ (majuscules, accents, extension .jpg "
    "ou .jpeg…)."
)
NOT_IMAGE = "Le fichier de l'image « {src} » n'est pas une image (JPEG, HEIC, PNG, GIF ou WebP)."
NOT_IMAGE_HINT = (
    "Ouvrez-le dans un logiciel d'images et enregistrez-le en JPEG (photo) ou en PNG (dessin)."
)
CORRUPT = "Le fichier de l'image « {src} » est abîmé ou incomplet : il ne peut pas être lu."
CORRUPT_DETAIL = "Détail technique : {error}"
CORRUPT_HINT = "Copiez-le à nouveau depuis l'appareil photo ou le téléphone, puis relancez."
TOO_LARGE = "L'image « {src} » est trop grande ({width} × {height} pixels)."
TOO_LARGE_UNKNOWN = "L'image « {src} » annonce une taille démesurée : elle est refusée."
TOO_LARGE_HINT = (
    "Réduisez-la avant de l'ajouter : {limit} millions de pixels au plus "
    "(une photo de téléphone en fait 12)."
)
ANIMATED = "L'image « {src} » est animée ({frames} images) : seule la première est publiée."
ANIMATED_HINT = "Si l'animation montre quelque chose d'important, décrivez-le dans le texte."
BAD_SETTINGS = "Réglage des images invalide ({error})."
BAD_SETTINGS_HINT = "Corrigez les réglages IMAGES_… de pelicanconf.py (valeurs par défaut notées)."
SETTINGS_FILE = "pelicanconf.py"

PROGRESS = "Images : {done}/{total} traitées"
"""Progress line on the terminal while many images are processed."""
LOWTECH_LINK = "Voir l'image en couleur ({format}, {size} Ko)"
"""Link after a dithered image (low-tech mode), read by residents."""
