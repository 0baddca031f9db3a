"""Messages printed by the build itself."""

from guichet.messages import count  # noqa: F401  (counts read as French: « 1 démarche »)

ERROR_PREFIX = "✗ Erreur : "
WARNING_PREFIX = "⚠ "
PLUGIN_NOT_LOADED = (
    "l'extension « {name} » n'a pas pu être chargée : le site ne peut pas être construit "
    "correctement. Ce n'est pas un problème de contenu : prévenez l'équipe technique."
)
PLUGIN_OUT_OF_ORDER = (
    "dans PLUGINS, l'extension « {name} » est placée avant « {before} », qui doit passer avant "
    "elle : remettez les extensions dans l'ordre de pelicanconf.py. Ce n'est pas un problème de "
    "contenu : prévenez l'équipe technique."
)
INTERNAL_ERROR = (
    "✗ Erreur interne de Guichet : le site n'a pas été construit. Ce n'est probablement pas "
    "un problème de contenu. Transmettez le fichier {log} à l'équipe technique."
)
BUILD_HAD_ERRORS = "✗ Le site n'a pas été construit correctement : {count} erreur(s) ci-dessus."
IMAGES_DETAIL = " ({processed}, {cached} en cache)"
SUMMARY = "✓ Site construit : {parts} ; {warnings} ; en {seconds} s{phases}."
PHASES = " (temps écoulé : {phases})"
PHASE = "{name} {seconds} s"
INTERRUPTED = (
    "✗ Commande interrompue : rien n'a été publié ni remplacé. Relancez-la quand vous voulez."
)
