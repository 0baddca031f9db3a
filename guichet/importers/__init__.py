"""Imports from the national references: service-public.fr fiches and the Annuaire de
l'administration, written into the town's content files (``importer-fiche``,
``importer-guichets``). No network: staff give a downloaded file."""
