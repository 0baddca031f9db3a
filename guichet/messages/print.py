"""Messages about printed flyers (one A4 page per procedure)."""

from __future__ import annotations

OVERFLOW = (
    "La fiche à imprimer est trop longue pour une page A4 : elle dépasse de {length} "
    "(environ {share} % d'une page). Elle a été abrégée pour tenir sur une page."
)
OVERFLOW_HINT = (
    "Sur la fiche, {cuts} ; elle renvoie à {web} pour lire la suite. "
    "Raccourcissez le texte pour que la fiche soit complète."
)
NOTHING_CUT = "rien ne pouvait être retiré"
STILL_TOO_LONG = (
    "La fiche à imprimer dépasse d'une page A4 de {length} (environ {share} % d'une page), "
    "et même abrégée elle fait encore {pages} pages."
)
STILL_TOO_LONG_HINT = (
    "Raccourcissez les listes « Pièces à fournir » et « Étapes » : une fiche doit tenir sur "
    "une seule page."
)
BOOKLET_TITLE = "Fiches pratiques – {site}"
"""Title of the booklet of every flyer (demarches/fiches.pdf)."""


def length(mm: float) -> str:
    """``8,5 cm`` or ``6 mm``, as staff measure paper."""
    if mm < 10:
        return f"{max(1, round(mm))} mm"
    return f"{mm / 10:.1f} cm".replace(".", ",").replace(",0 cm", " cm")


BAD_WORKERS = (
    "Le réglage PRINT_WORKERS vaut {value!r} : il faut None (un processus par cœur) "
    "ou un nombre entier d'au moins 1."
)
BAD_WORKERS_HINT = "Corrigez PRINT_WORKERS dans pelicanconf.py (par défaut : None)."
SETTINGS_FILE = "pelicanconf.py"
