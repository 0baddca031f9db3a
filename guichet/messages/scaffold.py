"""Messages of ``make demarche``."""

EXISTS = (
    "✗ Le fichier {path} existe déjà : il n'a pas été modifié. "
    "Choisissez un autre nom (SLUG=…) ou ouvrez ce fichier pour le modifier."
)
NO_SLUG = (
    "✗ Indiquez le nom du fichier, en minuscules et avec des tirets : "
    'make demarche SLUG=carte-identite TITRE="Carte d\'identité"'
)
NO_TITLE = '✗ Indiquez le titre de la démarche : make demarche SLUG=… TITRE="…"'
CREATED = (
    "✓ {path} a été créé. Ouvrez-le, remplacez chaque « {placeholder} », "
    "puis lancez « make html » pour vérifier."
)
