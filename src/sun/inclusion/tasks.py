"""The long imports of the agent space the worker runs (sun.core.taches.imports): a file of
places, a file of activities, a file of the digital fragility index."""

from sun.core.taches import imports
from sun.inclusion.activites import importation as activites
from sun.inclusion.analyses import ifn
from sun.inclusion.lieux.importation.correspondance import depuis_dict
from sun.inclusion.lieux.services import importer_lieux


def importer_fichier_de_lieux(chemin, options: dict, **execution):
    """`options`: source, partiel, and the mapping file's content and name, if any."""
    mapping = None
    if options.get("correspondance"):
        mapping = depuis_dict(options["correspondance"], options.get("nom_correspondance", ""))
    return importer_lieux(chemin, options["source"], partiel=options.get("partiel", False),
                          mapping=mapping, **execution)  # fmt: skip


def importer_fichier_d_activites(chemin, options: dict, *, auteur=None, **execution):
    return activites.importer(chemin, utilisateur=auteur, **execution)


def importer_fichier_ifn(chemin, options: dict, **execution):
    """`options`: source, and the département whose rows alone are read (or None)."""
    return ifn.importer(chemin, options.get("source") or ifn.SOURCE,
                        departement=options.get("departement"), **execution)  # fmt: skip


imports.declarer("lieux", "Lieux de médiation numérique", importer_fichier_de_lieux)
imports.declarer("activites", "Activités de médiation numérique", importer_fichier_d_activites)
imports.declarer("ifn", "Indice de fragilité numérique", importer_fichier_ifn)
