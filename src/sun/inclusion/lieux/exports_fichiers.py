"""The open-data exports as files, generated once per version of the register (and of the
day: file names and « date de mise à jour » fields carry it) into var/exports, then served as
they are, with an ETag, to every downloader (`sun.core.calculs_versionnes`)."""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from sun.core.calculs_versionnes import fichier_versionne
from sun.core.versions import empreinte
from sun.inclusion.lieux import exports
from sun.inclusion.versions import REGISTRE
from sun.territoire.version import VERSION as TERRITOIRE


def _liste_json(produire: Callable[[], list[dict]]) -> Callable[[], Iterable[str]]:
    def flux() -> Iterable[str]:
        yield json.dumps(produire(), ensure_ascii=False)

    return flux


@dataclass(frozen=True)
class Export:
    nom: str
    extension: str
    type_contenu: str
    flux: Callable[[], Iterable[str]]
    nom_standard: bool = True  # named as the national standard names its files


EXPORTS = {
    "csv": Export("lieux-csv", "csv", "text/csv; charset=utf-8", exports.csv_standard),
    "json": Export("lieux-json", "json", "application/json", exports.json_standard),
    "geojson": Export("lieux-geojson", "geojson", "application/geo+json", exports.geojson),
    "di-structures": Export("di-structures", "json", "application/json",
                            _liste_json(exports.data_inclusion_structures), False),
    "di-services": Export("di-services", "json", "application/json",
                          _liste_json(exports.data_inclusion_services), False),
}  # fmt: skip


@dataclass(frozen=True)
class FichierExport:
    chemin: Path
    type_contenu: str
    nom_telechargement: str | None
    etag: str


def fichier_export(quoi: str) -> FichierExport:
    """The current file of the export `quoi` (a key of EXPORTS), generated if needed."""
    export = EXPORTS[quoi]
    # The producer's name and SIRET are settings, written in the files: part of the version.
    version = empreinte([REGISTRE, TERRITOIRE], timezone.localdate(), settings.SUN_DEPARTEMENT,
                        settings.SUN_NOM_ORGANISATION, settings.SUN_SIRET_PRODUCTEUR,
                        settings.SUN_NOM_SOURCE_DATA_INCLUSION)  # fmt: skip

    def ecrire(fichier) -> None:
        for morceau in export.flux():
            fichier.write(morceau.encode())

    chemin = fichier_versionne(export.nom, export.extension, version, ecrire)
    nom = exports.nom_fichier(export.extension) if export.nom_standard else None
    return FichierExport(chemin, export.type_contenu, nom, chemin.stem.rsplit("-", 1)[-1])
