"""Messages about HTML written in Markdown that the sanitiser removed (plugins/sanitize)."""

from __future__ import annotations

REMOVED = "Retiré de la page à la construction : {what}."
REMOVED_ERROR = "Ce HTML n'est pas autorisé : {what}."
FAIL_HINT = (
    "SANITIZE_FAIL est activé : le site n'est pas construit tant que ce HTML reste dans le texte."
)
FIELD_SUMMARY = "Summary"

SCRIPT = "un script (balise <{tag}>)"
SCRIPT_HINT = "Le site fonctionne sans JavaScript : supprimez ce code du texte."
EMBED = "un contenu intégré depuis un autre site (balise <{tag}>{at})"
EMBED_HINT = "Mettez plutôt un lien vers ce contenu : [titre du lien](https://…)."
FORM = "un formulaire (balise <{tag}>{at})"
FORM_HINT = (
    "Un formulaire enverrait les données des habitants ailleurs : mettez un lien vers le "
    "service en ligne officiel, et indiquez comment faire au guichet."
)
REMOTE_IMAGE = "une image chargée depuis un autre site ({value})"
DATA_IMAGE = "une image écrite dans le texte (adresse « data: »)"
SVG_IMAGE = "une image SVG ({value})"
IMAGE = "une image ({value})"
IMAGE_HINT = (
    "Enregistrez l'image en JPEG ou PNG dans content/images/ et écrivez : "
    "![description de l'image]({static}/images/nom-du-fichier.jpg)"
)
SVG = "un dessin SVG intégré (balise <{tag}>)"
SVG_HINT = "Les dessins SVG ne sont pas acceptés : utilisez une image JPEG ou PNG."
HEAD_TAG = "une balise <{tag}>{at}, qui charge ou modifie la page"
HEAD_HINT = "Cette balise n'a pas sa place dans le texte d'une page : supprimez-la."
TAG = "la balise <{tag}>"
TAG_HINT = "Cette balise n'est pas autorisée dans le texte ; ce qu'elle contenait est gardé."
EVENT = "l'attribut {attribute} sur <{tag}> (un script)"
STYLE = "l'attribut style sur <{tag}> ({value})"
STYLE_HINT = "La mise en forme vient du thème du site : écrivez le texte sans attribut style."
JAVASCRIPT_URL = "une adresse « javascript: » sur <{tag}>"
DATA_URL = "une adresse « data: » sur <{tag}>"
URL_HINT = "Un lien doit mener à une page : https://…, mailto:… ou tel:…"
SRCSET = "des variantes d'image (srcset) dont une vient d'un autre site ou est en SVG"
ATTRIBUTE = "l'attribut {attribute} sur <{tag}>"
ATTRIBUTE_HINT = "Cet attribut n'est pas autorisé : il a été retiré, le reste est gardé."

SCRIPT_TAGS = frozenset({"script", "noscript", "template"})
EMBED_TAGS = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "audio", "video", "source"}
)
FORM_TAGS = frozenset({"form", "input", "button", "select", "textarea", "option", "label"})
SVG_TAGS = frozenset({"svg", "math"})
HEAD_TAGS = frozenset({"link", "meta", "base", "style", "title", "head", "html", "body"})
