"""Long imports run by the worker: the importers each domain declares, the progress the page
reads while the worker reads the file, and the report kept once it is done.

An importer is `fonction(chemin, options, *, essai, confirmer, auteur, nom_fichier,
progression) -> Rapport`, declared by its app's `tasks.py` under a genre (« lieux »…). The
progress lives in the shared cache, not in the database: the import writes in one transaction,
which nobody else sees (and SQLite lets no one else write) until it commits.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache

from sun.core.imports.rapport import Rapport


@dataclass(frozen=True)
class ImportDeclare:
    genre: str
    libelle: str
    fonction: Callable[..., Rapport]


_IMPORTS: dict[str, ImportDeclare] = {}


def declarer(genre: str, libelle: str, fonction: Callable[..., Rapport]) -> ImportDeclare:
    _IMPORTS[genre] = ImportDeclare(genre, libelle, fonction)
    return _IMPORTS[genre]


def obtenir(genre: str) -> ImportDeclare:
    return _IMPORTS[genre]


# --- progress ---------------------------------------------------------------------------------
def _cle(tache_id) -> str:
    return f"sun-tache-{tache_id}"


def noter_progression(tache_id, *, lues: int | None = None, etape: str | None = None) -> None:
    etat = cache.get(_cle(tache_id)) or {"lues": 0, "etape": ""}
    if lues is not None:
        etat["lues"] = lues
    if etape is not None:
        etat["etape"] = etape
    cache.set(_cle(tache_id), etat, 7 * 24 * 3600)


def progression(tache_id) -> dict:
    """{"lues": rows read so far, "etape": what the worker does} of a running job."""
    return cache.get(_cle(tache_id)) or {"lues": 0, "etape": ""}


def compteur(tache_id) -> Callable[[int], None]:
    """The `progression` callback of the pipeline (called with the rows read since the last
    call), writing the total read so far."""
    lues = 0

    def avancer(n: int) -> None:
        nonlocal lues
        lues += n
        noter_progression(tache_id, lues=lues)

    return avancer


def oublier_progression(tache_id) -> None:
    cache.delete(_cle(tache_id))


# --- the report, kept as JSON -----------------------------------------------------------------
def rapport_en_dict(rapport: Rapport) -> dict:
    """What the agent space shows of a report (web/espace/imports/_rapport.html), as JSON."""
    return {
        "essai": rapport.essai, "titre": rapport.titre, "arrete": rapport.arrete,
        "lignes": rapport.lignes(), "apercu": list(rapport.apercu),
        "journal_id": rapport.journal_id, "chemin_rapport": rapport.chemin_rapport,
        "compteurs": rapport.compteurs, "a_fermer": list(rapport.a_fermer),
        "rejets": [{"position": r.position, "champ": r.champ, "valeur": r.valeur,
                    "raison": r.raison, "libelle_gravite": r.libelle_gravite}
                   for r in rapport.rejets],
    }  # fmt: skip
