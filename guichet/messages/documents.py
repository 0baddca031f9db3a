"""Messages about documents to download (content/documents/) and links Pelican cannot follow."""

from __future__ import annotations

MISSING = "Le lien « {target} » mène à un document qui n'existe pas ({path})."
MISSING_HINT = (
    "Déposez le fichier dans content/documents/ sous ce nom exact, ou corrigez le lien. "
    "Documents existants : {known}."
)
NOT_IN_DOCUMENTS = "Le lien « {target} » mène à un fichier rangé hors de content/documents/."
NOT_IN_DOCUMENTS_HINT = (
    "Rangez les formulaires et dépliants dans content/documents/ et écrivez le lien ainsi : "
    "[le formulaire](documents/cerfa-12669.pdf)."
)
BAD_TYPE = "« {name} » n'est pas un type de document accepté ({ext})."
BAD_TYPE_HINT = "Types acceptés : {known}. Enregistrez le document en PDF (« Exporter en PDF »)."
BAD_NAME = "Le nom du document « {name} » ne convient pas pour une adresse imprimée."
BAD_NAME_HINT = (
    "Renommez le fichier en minuscules sans accents ni espaces, avec des tirets : "
    "par exemple « {suggestion} » (puis corrigez les liens)."
)
EMPTY = "Le document « {name} » est vide (0 octet)."
UNREADABLE_PDF = "Le PDF « {name} » est illisible : {error}"
UNREADABLE_PDF_HINT = "Ré-enregistrez-le depuis le logiciel qui l'a produit (« Exporter en PDF »)."
ACTIVE_PDF = "Le PDF « {name} » contient {what} : il est refusé (rien ne doit s'exécuter)."
ACTIVE_PDF_HINT = (
    "Imprimez-le en PDF (« Imprimer » puis « Enregistrer au format PDF ») pour obtenir un PDF "
    "sans script ni pièce jointe, puis remplacez le fichier."
)
ACTIVE_OFFICE = "Le document « {name} » contient des macros : il est refusé."
ACTIVE_OFFICE_HINT = "Enregistrez-le en PDF, ou sans macros (ODT ou DOCX ordinaire)."
WHAT = {
    "javascript": "du JavaScript",
    "embedded": "des fichiers joints",
    "launch": "une commande qui lance un programme",
    "richmedia": "un contenu multimédia actif",
    "actions": "des actions automatiques",
}
UNRESOLVED = "Le lien « {target} » ne mène à aucun fichier du contenu ({path} n'existe pas)."
UNRESOLVED_HINT = (
    "Pour un document : [texte](documents/nom.pdf). "
    "Pour une image : ![description](images/nom.jpg). "
    "Pour une autre page du site : son adresse, par exemple [la mairie](/guichets/mairie/)."
)
UNSUPPORTED = "Le lien « {target} » ne peut pas être suivi par le site."
UNSUPPORTED_HINT = (
    "Écrivez l'adresse de la page, par exemple [la carte d'identité](/demarches/carte-identite/)"
    ", ou [texte](documents/nom.pdf) pour un document."
)
FORMS_FIELD = "Formulaires"
FORM_LINE = "La ligne « {text} » doit être un lien vers un document : [texte](documents/nom.pdf)."
FORM_LINE_HINT = (
    "Exemple attendu : Formulaires: [Formulaire cerfa n° 12669](documents/cerfa-12669.pdf)"
)
