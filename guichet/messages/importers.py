"""Messages of ``importer-fiche`` and ``importer-guichets`` (imports from service-public.fr)."""

from __future__ import annotations

# -- reading a fiche --------------------------------------------------------------------------
NO_FILE = "Indiquez le fichier à importer : make {command} FICHIER=chemin/du/fichier"
NO_INSEE = (
    "Indiquez le code INSEE de la commune (5 caractères, à ne pas confondre avec le code "
    "postal) : make importer-guichets FICHIER=… INSEE=12345"
)
NOT_FOUND = "Le fichier ou dossier « {path} » n'existe pas."
NOT_FOUND_HINT = "Vérifiez le chemin : make importer-fiche FICHIER=chemin/vers/F1341.xml"
FOLDER_NEEDS_ID = "« {path} » est un dossier : indiquez la fiche à prendre dedans."
FOLDER_NEEDS_ID_HINT = "Exemple : make importer-fiche FICHIER={path} FICHE=F1341"
NOT_IN_FOLDER = "La fiche {id} n'est pas dans le dossier « {path} » (fichier {id}.xml attendu)."
NOT_XML = "« {path} » n'est pas un fichier XML lisible ({error})."
NOT_XML_HINT = (
    "Téléchargez la fiche au format XML (archive « vosdroits » de la DILA sur data.gouv.fr) "
    "et donnez le fichier F….xml, pas une page web ni un PDF."
)
NOT_A_FICHE = (
    "« {path} » n'est pas une fiche service-public.fr : l'élément principal est « {root} », "
    "« Publication » attendu."
)
BAD_SCHEMA = (
    "« {path} » suit la version {version} du schéma de la DILA : seules les versions {known} "
    "sont prises en charge."
)
BAD_SCHEMA_HINT = (
    "Rien n'a été écrit. Téléchargez l'archive « vosdroits » récente, ou demandez à "
    "l'équipe technique d'ajouter cette version."
)
NO_TITLE = "« {path} » n'a pas de titre (élément dc:title) : ce n'est pas une fiche complète."
NO_TITLE_HINT = "Rien n'a été écrit. Vérifiez que le fichier est entier (téléchargement coupé ?)."
NO_ID = "« {path} » n'a pas de numéro de fiche valable (attribut ID : {value})."
NO_DATE = "« {path} » n'a pas de date de mise à jour lisible (dc:date : {value})."
UNKNOWN_THEME = "Le thème « {value} » n'existe pas dans GUICHET_THEMES."
UNKNOWN_THEME_HINT = "Thèmes possibles : {known}."
BAD_SLUG = "« {value} » ne convient pas comme nom de fichier (minuscules, chiffres, tirets)."
SLUG_TAKEN = (
    "Le fichier {path} existe déjà et ne vient pas de la fiche {id} : il n'a pas été modifié."
)
SLUG_TAKEN_HINT = "Choisissez un autre nom : make importer-fiche FICHIER=… SLUG=autre-nom"
NO_MARKERS = (
    "Dans {path}, les repères « TEXTE NATIONAL » et « AJOUTS DE LA MAIRIE » ont disparu : "
    "le texte national ne peut plus être séparé de vos ajouts. Le fichier n'a pas été modifié."
)
NO_MARKERS_HINT = (
    "Remettez les deux commentaires (voir le guide, partie 15), ou importez la fiche sous un "
    "autre nom (SLUG=…) et recopiez vos ajouts."
)
NO_COUNTER = "Aucun guichet n'existe dans {path} : importez d'abord les guichets."
NO_COUNTER_HINT = "make importer-guichets FICHIER=annuaire.json INSEE=12345, ou écrivez mairie.md."

# -- what the import did --------------------------------------------------------------------
CREATED = (
    "✓ {path} a été créé à partir de la fiche {id} (service-public.fr, mise à jour le {date})."
)
UPDATED = "✓ {path} a été mis à jour à partir de la fiche {id} (mise à jour le {date})."
UNCHANGED = "✓ {path} : rien n'a changé dans la fiche {id} (mise à jour le {date})."
KEPT_LOCAL = "  Vos ajouts (après « {marker} ») et les champs {fields} sont conservés."
THEME_FROM_FICHE = "  Thème « {key} » choisi d'après le thème de la fiche (« {subject} »)."
THEME_DEFAULT = (
    "  ⚠ Le thème de la fiche ({subjects}) ne correspond à aucun thème du site : "
    "thème « {key} » mis par défaut. Changez le champ Theme si besoin."
)
PIVOT_MAPPED = "  Où s'adresser : « {pivot} » → guichet {counters}."
PIVOT_UNMAPPED = (
    "  ⚠ La fiche envoie vers « {pivot} », qui ne correspond à aucun guichet de la commune "
    "(GUICHET_IMPORT_PIVOTS) : ce service est cité dans le texte."
)
MAIN_COUNTER = (
    "  ⚠ Aucun « où s'adresser » de la fiche ne correspond à un guichet de la commune : "
    "le guichet principal « {slug} » est indiqué. Changez le champ Guichets si besoin."
)
COST_FROM_FICHE = "  Coût repris de la fiche : « {value} »."
COST_DEFAULT = (
    "  ⚠ La fiche n'indique pas de coût : « {value} » est écrit. Complétez Cout si besoin."
)
DELAY_DEFAULT = (
    "  ⚠ La fiche n'indique pas de délai : « {value} » est écrit. Complétez Delai si besoin."
)
SECTION_MAPPED = "  Partie « {title} » de la fiche → « {heading} »."
SECTION_KEPT = (
    "  ⚠ Partie « {title} » gardée telle quelle : elle ne correspond à aucune partie "
    "du site (à reprendre à la main si besoin)."
)
SECTION_NOT_LIST = (
    "  ⚠ Partie « {title} » : pas de liste dans la fiche, elle reste sous son titre "
    "au lieu de « {heading} »."
)
MISSING_PROJECT_SECTION = (
    "  ⚠ La fiche n'a pas de partie « {heading} » : la page et la fiche imprimée s'en passent. "
    "Vous pouvez l'écrire dans vos ajouts."
)
UNKNOWN_ELEMENT = "  ⚠ Élément « {name} » inconnu ({count} fois) : son texte est gardé tel quel."
DIFF_TITLE = "  Changements dans le texte national :"
DIFF_TITLE_COUNTER = "  Changements repris de l'Annuaire :"
DIFF_ADDED = "    + partie ajoutée : « {title} »"
DIFF_REMOVED = "    − partie retirée : « {title} »"
DIFF_CHANGED = "    ~ partie modifiée : « {title} »"
DIFF_FIELD = "    ~ champ {field} : « {old} » → « {new} »"
NEXT = "  Vérifiez la page avec « make html »."

# -- the Annuaire -----------------------------------------------------------------------------
NOT_JSON = "« {path} » n'est pas un fichier JSON lisible ({error})."
NOT_JSON_HINT = (
    "Donnez le fichier JSON de l'Annuaire de l'administration (data.gouv.fr), "
    "ou l'export JSON de l'API de l'Annuaire."
)
NOT_ANNUAIRE = (
    "« {path} » ne ressemble pas à l'Annuaire de l'administration : "
    "aucune liste d'organismes (« service ») n'y est."
)
BAD_INSEE = "« {value} » n'est pas un code INSEE de commune (5 caractères, comme 12345 ou 2A004)."
NO_RECORD = "Aucun organisme de type {types} pour la commune {insee} dans « {path} »."
NO_RECORD_HINT = (
    "Rien n'a été écrit. Vérifiez le code INSEE (et non le code postal) de la commune, "
    "et les types demandés (TYPES=mairie,mairie_annexe,ccas)."
)
TYPES_SEEN = "    Types présents pour cette commune : {types}."
COUNTER_CREATED = "✓ {path} a été créé : {name} (Annuaire, mis à jour le {date})."
COUNTER_UPDATED = "✓ {path} a été mis à jour : {name} (Annuaire, mis à jour le {date})."
COUNTER_UNCHANGED = "✓ {path} : rien n'a changé ({name})."
COUNTER_KEPT = "  Fermetures, Acces et votre texte sont conservés."
NO_HOURS = (
    "  ⚠ L'Annuaire ne donne pas d'horaires pour {name} : le champ Horaires contient "
    "« À REMPLIR », à compléter avant « make html »."
)
BAD_PHONE = "  ⚠ Pas de téléphone dans l'Annuaire pour {name} : le champ Telephone est à remplir."
BAD_ADDRESS = (
    "  ⚠ Pas d'adresse complète dans l'Annuaire pour {name} : le champ Adresse est à remplir."
)
HOURS_NOTE = "  Remarques sur les horaires reprises dans le texte : {notes}."
