"""Messages of ``make publish`` and ``make rollback``."""

BUILDING = "Construction de la nouvelle version dans {staging}…"
PUBLISHED = (
    "✓ Site publié dans {target}/. La version précédente est gardée dans {previous}/ : "
    "« make rollback » la remet en ligne."
)
FIRST_PUBLISHED = "✓ Site publié dans {target}/ (première publication)."
NOT_PUBLISHED = (
    "✗ Rien n'a été publié : le site en ligne ({target}/) n'a pas changé. "
    "Corrigez les problèmes ci-dessus puis relancez « make publish »."
)
INTERRUPTED = "✗ Publication interrompue : le site en ligne ({target}/) n'a pas changé."
UNSAFE_PAGE = "La page construite contient {what} : elle ne sera pas publiée."
UNREADABLE_COPY = "La copie compressée de cette page est illisible : elle ne sera pas publiée."
SCRIPT = "<script>"
HANDLER = "un attribut {where}"
"""``{where}``: ``<body onload>``."""
JAVASCRIPT_URL = "une adresse javascript: ({where})"
UNSAFE_HINT = "Un gabarit ou une extension ajoute du script : prévenez l'équipe technique."
MISSING_PAGE = "La page {page} manque dans le site construit."
BUSY = "✗ Une autre publication est en cours dans ce dossier : attendez qu'elle se termine."
ROLLED_BACK = (
    "✓ La version précédente est de nouveau en ligne dans {target}/. "
    "Relancez « make rollback » pour revenir à la version que vous venez de retirer."
)
NOTHING_TO_ROLL_BACK = "✗ Il n'y a pas de version précédente à remettre en ligne ({previous}/)."
UPLOADING = "Envoi vers {destination} (seuls les fichiers modifiés partent)…"
UPLOADED = "✓ Envoyé vers {destination}."
UPLOAD_FAILED = (
    "✗ L'envoi vers {destination} a échoué (rsync, code {code}) : le site local {target}/ est "
    "à jour, le serveur distant ne l'est peut-être pas. Vérifiez la connexion puis relancez."
)
RSYNC_MISSING = "✗ rsync n'est pas installé : l'envoi vers {destination} est impossible."
