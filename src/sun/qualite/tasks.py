"""The long imports of the quality app the worker runs (sun.core.taches.imports)."""

from sun.core.taches import imports
from sun.qualite.telephonie.importation.services import importer_fichier_envoye

# --- téléphonie : relevés d'appels ---
imports.declarer("telephonie", "Relevés d'appels téléphoniques", importer_fichier_envoye)
