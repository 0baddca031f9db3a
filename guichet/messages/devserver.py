"""Messages of ``make devserver``."""

SERVING = (
    "Aperçu du site : {address} — il se met à jour à chaque modification (Ctrl+C pour arrêter)."
)
REBUILDING = "Modification détectée : reconstruction…"
REBUILT = "✓ Aperçu à jour : {address}"
KEPT_LAST_GOOD = (
    "✗ Corrigez les problèmes ci-dessus : en attendant, {address} montre la dernière version "
    "correcte."
)
FIRST_BUILD_FAILED = (
    "✗ Le site n'a pas pu être construit : corrigez les problèmes ci-dessus, l'aperçu se mettra "
    "à jour tout seul."
)
