"""The one entry point the command (and, later, the agent space) calls to import requests:
it resolves the démarche and the options, picks the source's importer and returns its report.

Sources: « ds » (API, or an export file when a file is given), « publik » (API with a form
slug, or the CSV export of a form), « csv » (SUN's template). Every refusal is an
`ImportImpossible` with a French message; nothing is written then.
"""

from datetime import date
from pathlib import Path

from sun.core.imports import ImportImpossible, Rapport
from sun.relation.importation import ds, modele, publik
from sun.relation.models import Demarche

SOURCES_CLI = ("ds", "publik", "csv")


def trouver_demarche(slug: str | None, *, obligatoire: bool) -> Demarche | None:
    if not slug:
        if obligatoire:
            raise ImportImpossible("Indiquez la démarche du catalogue de SUN à laquelle "
                                   "correspondent ces demandes : --demarche CODE.")  # fmt: skip
        return None
    demarche = Demarche.objects.filter(slug=slug).first()
    if demarche is None:
        raise ImportImpossible(f"Démarche « {slug} » inconnue du catalogue (voir « sun relation "
                               "demarches importer »).")  # fmt: skip
    return demarche


def importer_demandes(
    source: str,
    *,
    fichier: Path | None = None,
    demarche: str | None = None,
    numero_ds: int | None = None,
    formulaire: str | None = None,
    depuis: date | None = None,
    statuts: Path | None = None,
    correspondance: Path | None = None,
    essai: bool = False,
    confirmer: bool = False,
    auteur=None,
    aujourd_hui: date | None = None,
    progression=None,
) -> Rapport:
    """Import requests from `source` (see the module's docstring)."""
    commun = {"essai": essai, "auteur": auteur, "aujourd_hui": aujourd_hui,
              "confirmer": confirmer, "progression": progression}  # fmt: skip
    if source == "ds":
        if fichier is not None:
            return ds.importer_export(Path(fichier), trouver_demarche(demarche, obligatoire=True),
                                      numero_ds=numero_ds, **commun)  # fmt: skip
        if not numero_ds:
            raise ImportImpossible("Indiquez le numéro de la démarche dans Démarches "
                                   "Simplifiées (--numero-ds 12345) ou un fichier d'export.")  # fmt: skip
        return ds.importer_api(trouver_demarche(demarche, obligatoire=True), numero_ds,
                               depuis=depuis, **commun)  # fmt: skip
    if source == "publik":
        table = publik.charger_statuts(statuts)
        if fichier is not None:
            return publik.importer_export(Path(fichier), trouver_demarche(demarche, obligatoire=True),
                                          statuts=table, **commun)  # fmt: skip
        if not formulaire:
            raise ImportImpossible("Indiquez le formulaire Publik (--formulaire SLUG) ou un "
                                   "fichier d'export CSV du formulaire.")  # fmt: skip
        return publik.importer_api(trouver_demarche(demarche, obligatoire=True), formulaire,
                                   depuis=depuis, statuts=table, **commun)  # fmt: skip
    if source == "csv":
        if fichier is None:
            raise ImportImpossible("Indiquez le fichier à importer (modèle : « sun relation "
                                   "demandes modele »).")  # fmt: skip
        return modele.importer(Path(fichier), demarche=trouver_demarche(demarche, obligatoire=False),
                               correspondance=correspondance, **commun)  # fmt: skip
    raise ImportImpossible(f"Source inconnue « {source} » : ds, publik ou csv.")
