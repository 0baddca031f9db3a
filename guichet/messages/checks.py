"""Messages of the budget check run on the built site (plugins/checks)."""

from __future__ import annotations

FIRST_VIEW = (
    "La page {url} est trop lourde : {total} compressés (page {page} + feuilles de style "
    "{css}), pour un budget de {budget} (réglage GUICHET_BUDGET_FIRST_VIEW_BYTES)."
)
FIRST_VIEW_HINT = (
    "Raccourcissez le texte de cette page, par exemple en la découpant en plusieurs "
    "démarches, ou allégez le thème : au-delà du budget, la page ne s'affiche plus en un seul "
    "aller-retour sur un réseau lent."
)
IMAGE = (
    "L'image {file} ({version}) pèse {size}, pour un budget de {budget} par image "
    "(réglage GUICHET_BUDGET_IMAGE_BYTES)."
)
IMAGE_VERSION_WIDTH = "version de {width} px de large"
IMAGE_VERSION_ONLY = "seule version proposée"
IMAGE_HINT = (
    "Recadrez la photo sur l'essentiel ou choisissez une image moins chargée en détails, "
    "puis reconstruisez le site."
)
SCRIPT = "La page {url} contient {count} élément(s) <script> : aucun script n'est permis."
HANDLER = "La page {url} contient l'attribut de script {where} : aucun script n'est permis."
JAVASCRIPT_URL = (
    "La page {url} contient une adresse « javascript: » dans {where} : aucun script n'est permis."
)
SCRIPT_HINT = (
    "Retirez-le du gabarit (theme/templates/) ou du contenu : le site doit fonctionner sans "
    "JavaScript."
)
EXTERNAL = (
    "La page {url} fait charger {resource} ({where}) depuis un autre site ({host}) : aucune "
    "ressource ne doit venir d'un autre site (vie privée des habitants, rapidité)."
)
EXTERNAL_IN_CSS = (
    "La feuille de style {url} fait charger {resource} depuis un autre site ({host}) : aucune "
    "ressource ne doit venir d'un autre site (vie privée des habitants, rapidité)."
)
EXTERNAL_HINT = (
    "Copiez le fichier dans le site (content/images/ ou le thème) et utilisez son adresse "
    "relative, ou retirez-le. Un simple lien <a href> vers un autre site reste permis."
)


def kilobytes(size: int) -> str:
    """``14600`` → ``14,6 Ko`` (1 Ko = 1000 octets, as the budgets are written)."""
    return f"{size / 1000:.1f}".replace(".", ",") + " Ko"
