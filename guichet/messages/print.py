"""Messages about printed flyers (one A4 page per procedure)."""

from __future__ import annotations

NOT_ONE_SIDE = (
    "La fiche à imprimer ne tient pas sur une seule face A4 : {why}. Règle appliquée : {rule}."
)
LONG_PART = "la partie « {part} » est longue ({length} sur la feuille{detail})"
MANY_COUNTERS = "elle indique {count} guichets ({length} sur la feuille, horaires compris)"
ONE_COUNTER = "elle indique le guichet « {counter} » ({length} sur la feuille, horaires compris)"
NOTHING_CUT_HINT = (
    "Rien n'est retiré : chaque pièce, chaque étape et les coordonnées et horaires de chaque "
    "guichet sont imprimés. Imprimez la fiche en recto-verso."
)
FREE_TEXT_CUT_HINT = (
    "Les pièces, les étapes et les guichets sont imprimés en entier ; « {parts} » {cut} sur "
    "papier et {sends} à {web}. Pour que tout soit imprimé, raccourcissez dans ce fichier "
    "la partie la plus longue ({cause})."
)


def cut_verbs(count: int) -> dict[str, str]:
    """``{cut}`` and ``{sends}`` of FREE_TEXT_CUT_HINT, singular or plural."""
    if count > 1:
        return {"cut": "sont abrégés", "sends": "renvoient"}
    return {"cut": "est abrégé", "sends": "renvoie"}


COUNTERS = "la liste des guichets, si certains ne sont pas utiles pour cette démarche"
COUNTER_LENGTHENS = (
    "Le guichet « {counter} » prend {length} sur les fiches à imprimer ({details}) : "
    "{affected} sur une seule face A4 : {flyers}. "
    "Règle appliquée : {rules}."
)
COUNTER_PART = "le guichet « {counter} » prend {length} sur la feuille ({details})"
COUNTER_GREW = " ; il a grandi de {length} depuis que ces fiches tenaient sur une face"
COUNTER_LENGTHENS_HINT = (
    "Pour information : rien n'est retiré de ces fiches, les horaires, l'adresse, le téléphone "
    "et les fermetures du guichet y sont toujours imprimés ; imprimez-les en recto-verso. "
    "Les fichiers de ces démarches n'ont rien à changer."
)
COUNTER_CUT_HINT = "Leur texte libre est abrégé sur papier, avec l'adresse où le lire en entier."
STILL_TOO_LONG = (
    "La fiche à imprimer ne tient pas sur une feuille A4 recto-verso, même en petits "
    "caractères : {why} ; elle fait {pages} pages. Règle appliquée : {rule}."
)
STILL_TOO_LONG_HINT = (
    "Chaque pièce, chaque étape et les coordonnées, horaires et fermetures de chaque guichet "
    "sont imprimés{kept}, mais la fiche demande plus d'une feuille : regroupez des pièces ou "
    "des étapes qui vont ensemble (« Justificatif de domicile : facture ou quittance »)."
)
STILL_TOO_LONG_CUT = " (« {parts} » : à lire sur {web})"


def items(part: str, count: int) -> str:
    """`` : 20 pièces`` / `` : 15 étapes``."""
    word = "pièce" if part == "documents" else "étape"
    return f", {count} {word}{'s' if count > 1 else ''}"


def flyers_affected(count: int) -> str:
    """``1 fiche qui l'indique ne tient plus`` / ``5 fiches qui l'indiquent ne tiennent plus``."""
    if count == 1:
        return "1 fiche qui l'indique ne tient plus"
    return f"{count} fiches qui l'indiquent ne tiennent plus"


def counter_details(days: int, closures: int) -> str:
    """``horaires sur 5 jours, 3 fermetures à venir``."""
    text = f"horaires sur {days} jour{'s' if days > 1 else ''}"
    if closures:
        text += f", {closures} fermeture{'s' if closures > 1 else ''} à venir"
    return text


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
