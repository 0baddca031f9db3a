"""Messages about minified output (plugins/minify)."""

from __future__ import annotations

NOT_MINIFIED = "Ce fichier n'a pas pu être allégé (minification) : il est publié tel quel."
NOT_MINIFIED_HINT = (
    "Le site reste correct, seulement un peu plus lourd. Ce n'est pas un problème de contenu : "
    "si cela se répète, transmettez ce message à l'équipe technique ({error})."
)
