"""Messages of ``make devserver``."""

SERVING = (
    "Aperçu du site : {address} — il se met à jour à chaque modification (Ctrl+C pour arrêter)."
)
REBUILDING = "Modification détectée : reconstruction…"
KEPT_LAST_GOOD = (
    "✗ Corrigez les problèmes ci-dessus : en attendant, {address} montre la dernière version "
    "correcte."
)
FIRST_BUILD_FAILED = (
    "✗ Le site n'a pas pu être construit : corrigez les problèmes ci-dessus, l'aperçu se mettra "
    "à jour tout seul."
)
UPDATED_PDF_LATER = (
    "✓ Aperçu à jour : {address} — les fiches PDF et les images suivent (quelques secondes)."
)
FULL_BUILD_READY = "✓ Fiches PDF et images à jour."
FULL_BUILD_FAILED = (
    "✗ La construction complète (fiches PDF, vérifications) a échoué : voir les messages "
    "ci-dessus. Les pages de l'aperçu restent à jour."
)
STOPPED = "Aperçu arrêté. Relancez « make devserver » pour le reprendre."
RESTARTING = "Le code de Guichet a changé : l'aperçu redémarre…"
PDF_PENDING = (
    "Aperçu : la fiche PDF de cette démarche est en cours de préparation. Rechargez la page "
    "dans quelques secondes pour la voir."
)
"""The line shown at the top of a procedure's page (and its flyer page) until its PDF is made."""
ERROR_PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Erreur dans le contenu — aperçu</title></head>
<body>
<h1>Cette page n'a pas pu être mise à jour</h1>
<p>Le contenu du site contient les erreurs ci-dessous : tant qu'elles sont là, cette page ne peut
pas être mise à jour. Corrigez-les, enregistrez, puis rechargez cette page. Les autres pages du
site montrent la dernière version correcte.</p>
<pre>{report}</pre>
</body>
</html>
"""
"""The page the browser shows, instead of the edited one, while its file has errors."""
