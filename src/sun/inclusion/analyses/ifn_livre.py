"""The fragility index files shipped with SUN (see donnees/LISEZMOI.md), loaded by
`sun preparer` for the configured département so that commune and EPCI pages are not empty.

Loaded once per version: when the département's communes already have the index of this
version, nothing is read again; when they have an index imported from another file (a newer
one a coordinator loaded), it is left alone.
"""

from pathlib import Path

from sun.inclusion.analyses import ifn
from sun.inclusion.analyses.queries import sources_ifn_des_communes

DOSSIER = Path(__file__).resolve().parent.parent / "donnees"
FICHIERS = (
    DOSSIER / "inclusion-numerique_ifn-city-all-variation.csv",
    DOSSIER / "inclusion-numerique_ifn-epci-all-variation.csv",
)
VERSION = "a15f920"  # commit of inclusion-numerique/inclusion-numerique the files come from
PREFIXE_SOURCE = "Indice de fragilité numérique (La MedNum), fichier livré avec SUN"
SOURCE_LIVREE = f"{PREFIXE_SOURCE} (tableau de bord de l'ANCT, version {VERSION})"


def charger(code_departement: str, *, ecrire=print) -> list:
    """Load the shipped files for the département unless already loaded; returns the import
    reports (empty when nothing was loaded) and reports in French through `ecrire`."""
    sources = sources_ifn_des_communes(code_departement)
    if SOURCE_LIVREE in sources:
        ecrire(f"Indice de fragilité numérique déjà chargé (fichiers livrés, version {VERSION}).")
        return []
    autres = sorted(s for s in sources if not s.startswith(PREFIXE_SOURCE))
    if autres:
        ecrire(f"Indice de fragilité numérique déjà importé (source « {autres[0]} ») : "
               "les fichiers livrés avec SUN ne le remplacent pas.")  # fmt: skip
        return []
    rapports = [ifn.importer(f, SOURCE_LIVREE, departement=code_departement) for f in FICHIERS]
    for rapport in rapports:
        ecrire(
            f"Indice de fragilité numérique ({rapport.fichier}) : {rapport.nouveaux} nouveau(x), "
            f"{rapport.modifies} modifié(s), {rapport.inchanges} inchangé(s), "
            f"{rapport.refusees} refusé(s) ; "
            f"{rapport.autres.get('hors_departement', 0)} ligne(s) d'autres départements."
        )
    return rapports
