"""Import of a file of places (to be split into stages)."""

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sun.core.imports import lecture
from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.importation import conversion
from sun.inclusion.lieux.importation.mapping import Mapping
from sun.inclusion.lieux.localisation import Referentiel, localiser
from sun.inclusion.lieux.services import detecter_doublons, fermer_lieu
from sun.inclusion.lieux.standard import CHAMPS_V1
from sun.inclusion.models import (
    SOURCE_DEMO,
    HistoriqueLieu,
    ImportLieux,
    Lieu,
    SourceLieu,
    Structure,
)

TAILLE_LOT = 500
CHAMPS_LIEU = [c for c in CHAMPS_V1 if c != "id"]
AFFICHES = 200  # report lines kept in memory for the screen; the CSV has them all


class ImportImpossible(ValueError):
    """The file cannot be imported at all (unreadable, unknown format); nothing was written."""


@dataclass
class RapportImport:
    source: str
    fichier: str
    format: str = ""
    essai: bool = False
    compteurs: Counter = field(default_factory=Counter)
    signalements: list[tuple[int, n.Signalement]] = field(default_factory=list)
    par_raison: Counter = field(default_factory=Counter)
    chemin_rapport: str = ""
    import_id: int | None = None
    # What would change, place by place (the first AFFICHES): the diff a dry run shows.
    apercu: list[str] = field(default_factory=list)

    def noter_changement(self, ligne: str) -> None:
        if len(self.apercu) < AFFICHES:
            self.apercu.append(ligne)

    def lignes(self) -> list[str]:
        c = self.compteurs
        titre = "ESSAI À BLANC, rien n'a été enregistré" if self.essai else "Import enregistré"
        lignes = [
            f"{titre} — source « {self.source} », fichier {self.fichier} ({self.format})",
            f"  Lignes lues : {c['lues']} ; refusées : {c['refusees']}",
            f"  Lieux nouveaux : {c['nouveaux']} ; modifiés : {c['modifies']} ; inchangés : {c['inchanges']} ;"
            f" disparus de la source (fermés) : {c['disparus']}",
            f"  Valeurs corrigées : {c['corrections']} ; valeurs écartées : {c['suppressions']} ; alertes : {c['alertes']}",
            f"  Doublons fusionnés : {c['fusionnes']} ; paires à examiner : {c['doublons_a_examiner']}",
        ]
        if self.par_raison:
            lignes.append("  Principales raisons :")
            lignes += [
                f"    {nombre} × {raison}" for raison, nombre in self.par_raison.most_common(10)
            ]
        if self.chemin_rapport:
            lignes.append(
                f"  Rapport détaillé (ligne, champ, valeur, raison) : {self.chemin_rapport}"
            )
        return lignes


def _empreinte(valeurs: dict) -> str:
    return hashlib.sha256(json.dumps(valeurs, sort_keys=True, default=str).encode()).hexdigest()


def _identifiant(valeurs: dict) -> str:
    """The source's own id, or a stable one built from what identifies the place."""
    if valeurs["id"]:
        return valeurs["id"]
    cle = "|".join(
        [
            valeurs["nom"].casefold(),
            valeurs["adresse"].casefold(),
            valeurs["code_insee"] or valeurs["code_postal"],
        ]
    )
    return "sans-id-" + hashlib.sha1(cle.encode()).hexdigest()[:16]


def _comme_modele(valeurs: dict) -> dict:
    return {c: valeurs[c] for c in CHAMPS_LIEU}


def _differences(lieu: Lieu, valeurs: dict) -> dict:
    return {
        champ: [_jsonable(getattr(lieu, champ)), _jsonable(valeur)]
        for champ, valeur in valeurs.items()
        if getattr(lieu, champ) != valeur
    }


def _jsonable(valeur):
    return valeur.isoformat() if isinstance(valeur, date) else valeur


class _Journal:
    """Writes every reported value to the CSV report as it goes (bounded memory)."""

    def __init__(self, rapport: RapportImport, chemin: Path):
        self.rapport = rapport
        chemin.parent.mkdir(parents=True, exist_ok=True)
        self.fichier = chemin.open("w", encoding="utf-8", newline="")
        self.ecrivain = csv.writer(self.fichier)
        self.ecrivain.writerow(["ligne", "champ", "valeur", "raison", "gravite"])
        rapport.chemin_rapport = str(chemin)

    def noter(self, numero: int, signalements: Iterable[n.Signalement]) -> None:
        for s in signalements:
            self.ecrivain.writerow([numero, s.champ, s.valeur, s.raison, s.gravite])
            cle = {
                "rejet": "refus",
                "correction": "corrections",
                "suppression": "suppressions",
                "alerte": "alertes",
            }[s.gravite]
            if cle != "refus":
                self.rapport.compteurs[cle] += 1
            self.rapport.par_raison[f"{s.champ} : {s.raison.split(' : ')[0]}"] += 1
            if len(self.rapport.signalements) < AFFICHES:
                self.rapport.signalements.append((numero, s))

    def fermer(self) -> None:
        self.fichier.close()


def importer_lieux(
    chemin: Path,
    source: str,
    *,
    essai: bool = False,
    partiel: bool = False,
    mapping: Mapping | None = None,
    auteur=None,
    nom_fichier: str | None = None,
) -> RapportImport:
    """Import a file of places from `source` in one transaction.

    Re-importing the same file changes nothing; a place that vanished from its source is
    closed with a date (unless `partiel`: the file holds only part of the source); `essai`
    computes everything, reports it, and rolls back.
    """
    source = (source or (mapping.source if mapping else "")).strip()
    if not source:
        raise ImportImpossible("Indiquez le nom de la source (--source).")
    try:
        format_lu, lignes = lecture.lire(Path(chemin))
    except lecture.FichierIllisible as exc:
        raise ImportImpossible(str(exc)) from exc
    rapport = RapportImport(source=source, fichier=nom_fichier or Path(chemin).name, essai=essai)
    aujourd_hui = timezone.localdate()
    maintenant = timezone.now()
    referentiel = Referentiel()

    with transaction.atomic():
        lot_import = ImportLieux.objects.create(
            source=source,
            fichier=rapport.fichier,
            format="",
            auteur=auteur,
            essai=essai,
            partiel=partiel,
        )
        rapport.import_id = lot_import.pk
        journal = _Journal(
            rapport, Path(settings.VAR_DIR) / "imports" / f"import-{lot_import.pk}-rapport.csv"
        )
        connus = {
            s.identifiant: s
            for s in SourceLieu.objects.filter(source=source).select_related("lieu")
        }
        vus: set[str] = set()
        touches: set[str] = set()  # new or changed places: the only ones to compare for duplicates
        version = None
        a_creer: list[tuple[Lieu, SourceLieu]] = []
        try:
            for numero, brut in lignes:
                rapport.compteurs["lues"] += 1
                signalements = n.Signalements()
                if version is None:
                    version = mapping.format if mapping else conversion.detecter_format(set(brut))
                    if version is None:
                        raise ImportImpossible(
                            "Colonnes non reconnues : ni le standard v1 ni le v0.1. Décrivez cette "
                            "source dans un fichier de correspondance (--correspondance), voir "
                            "docs/correspondances.md. Colonnes lues : " + ", ".join(list(brut)[:20])
                        )
                    rapport.format = f"{format_lu}, standard {version}" + (
                        f", correspondance {Path(mapping.chemin).name}"
                        if mapping and mapping.chemin
                        else ""
                    )
                ligne = mapping.appliquer(brut) if mapping else brut
                if version == "v0.1":
                    ligne = conversion.v01_vers_v1(
                        {k.strip().lower(): v for k, v in ligne.items()}, signalements
                    )
                valeurs = conversion.normaliser(ligne, aujourd_hui, signalements)
                if signalements.rejet:
                    rapport.compteurs["refusees"] += 1
                    journal.noter(numero, signalements.liste)
                    continue
                commune_pk, precision = localiser(valeurs, referentiel, signalements)
                journal.noter(numero, signalements.liste)
                identifiant = _identifiant(valeurs)
                if identifiant in vus:
                    journal.noter(
                        numero,
                        [
                            n.Signalement(
                                "id",
                                identifiant,
                                "identifiant en double dans le fichier : ligne ignorée",
                                "rejet",
                            )
                        ],
                    )
                    rapport.compteurs["refusees"] += 1
                    continue
                vus.add(identifiant)
                champs = _comme_modele(valeurs)
                empreinte = _empreinte(champs)
                connu = connus.get(identifiant)
                if connu is None:
                    lieu = Lieu(
                        **champs, commune_ref_id=commune_pk, precision_localisation=precision
                    )
                    a_creer.append(
                        (
                            lieu,
                            SourceLieu(
                                lieu=lieu,
                                source=source,
                                identifiant=identifiant,
                                empreinte=empreinte,
                                premier_import=lot_import,
                                dernier_import=lot_import,
                                vu_la_premiere_fois=maintenant,
                                vu_la_derniere_fois=maintenant,
                            ),
                        )
                    )
                    rapport.compteurs["nouveaux"] += 1
                    touches.add(str(lieu.pk))
                    rapport.noter_changement(f"nouveau : {lieu.nom} ({lieu.commune})")
                    if len(a_creer) >= TAILLE_LOT:
                        _creer(a_creer, lot_import)
                        a_creer = []
                elif connu.empreinte == empreinte and connu.disparu_le is None:
                    rapport.compteurs["inchanges"] += 1
                else:
                    differences = _mettre_a_jour(
                        connu, champs, commune_pk, precision, empreinte, lot_import, aujourd_hui
                    )
                    rapport.compteurs["modifies"] += 1
                    touches.add(str(connu.lieu_id))
                    detail = " ; ".join(
                        f"{c} : « {_texte(v[0])} » → « {_texte(v[1])} »"
                        for c, v in differences.items()
                    )
                    rapport.noter_changement(f"modifié : {connu.lieu.nom} — {detail or 'rouvert'}")
            if a_creer:
                _creer(a_creer, lot_import)
            if version is None:
                raise ImportImpossible("Le fichier ne contient aucune ligne de données.")
            # Seen again: refresh last-seen dates in one statement per batch of keys.
            _marquer_vus(source, vus, lot_import, maintenant)
            if not partiel:
                disparus = _fermer_disparus(source, vus, lot_import, aujourd_hui)
                rapport.compteurs["disparus"] = len(disparus)
                for nom in disparus:
                    rapport.noter_changement(f"disparu de la source, fermé : {nom}")
            if touches and source != SOURCE_DEMO:
                fusions, a_revoir = detecter_doublons(touches, auteur=auteur)
                rapport.compteurs["fusionnes"], rapport.compteurs["doublons_a_examiner"] = (
                    fusions,
                    a_revoir,
                )
        except lecture.FichierIllisible as exc:
            raise ImportImpossible(str(exc)) from exc
        finally:
            journal.fermer()
        lot_import.format = rapport.format
        lot_import.compteurs = dict(rapport.compteurs)
        lot_import.rapport = rapport.chemin_rapport
        lot_import.save()
        if essai:
            transaction.set_rollback(True)
    return rapport


def _structures(lieux: list[Lieu]) -> None:
    """Attach places to their structure (by pivot), creating the missing structures in bulk."""
    pivots = {lieu.pivot for lieu in lieux if lieu.pivot}
    if not pivots:
        return
    existantes = dict(Structure.objects.filter(pivot__in=pivots).values_list("pivot", "pk"))
    nouvelles = {}
    for lieu in lieux:
        if lieu.pivot and lieu.pivot not in existantes and lieu.pivot not in nouvelles:
            nouvelles[lieu.pivot] = Structure(pivot=lieu.pivot, nom=lieu.structure_parente[:200])
    if nouvelles:
        Structure.objects.bulk_create(nouvelles.values(), batch_size=TAILLE_LOT)
        existantes |= dict(
            Structure.objects.filter(pivot__in=list(nouvelles)).values_list("pivot", "pk")
        )
    for lieu in lieux:
        if lieu.pivot and lieu.structure_id is None:
            lieu.structure_id = existantes[lieu.pivot]


def _creer(paires: list[tuple[Lieu, SourceLieu]], lot_import: ImportLieux) -> None:
    _structures([lieu for lieu, _ in paires])
    Lieu.objects.bulk_create([lieu for lieu, _ in paires])
    SourceLieu.objects.bulk_create([s for _, s in paires])
    HistoriqueLieu.objects.bulk_create(
        [
            HistoriqueLieu(
                lieu=lieu,
                action=HistoriqueLieu.Action.CREATION,
                import_lieux=lot_import,
                commentaire=f"Importé de « {lot_import.source} »",
            )
            for lieu, _ in paires
        ]
    )


def _mettre_a_jour(
    connu: SourceLieu, champs, commune_pk, precision, empreinte, lot_import, aujourd_hui
) -> dict:
    lieu = connu.lieu
    differences = _differences(lieu, champs)
    action = HistoriqueLieu.Action.MODIFICATION
    if lieu.statut == Lieu.Statut.FERME and connu.disparu_le is not None:
        # It had vanished from this source and is back.
        lieu.statut, lieu.date_statut = Lieu.Statut.ACTIF, aujourd_hui
        action = HistoriqueLieu.Action.REOUVERTURE
    for champ, valeur in champs.items():
        setattr(lieu, champ, valeur)
    lieu.commune_ref_id, lieu.precision_localisation = commune_pk, precision
    _structures([lieu])
    lieu.save()
    connu.empreinte, connu.dernier_import, connu.disparu_le = empreinte, lot_import, None
    connu.save(update_fields=["empreinte", "dernier_import", "disparu_le"])
    HistoriqueLieu.objects.create(
        lieu=lieu,
        action=action,
        import_lieux=lot_import,
        changements=differences,
        commentaire=f"Mis à jour par « {lot_import.source} »",
    )
    return differences


def _marquer_vus(source: str, vus: set[str], lot_import, maintenant) -> None:
    cles = list(vus)
    for i in range(0, len(cles), TAILLE_LOT):
        SourceLieu.objects.filter(source=source, identifiant__in=cles[i : i + TAILLE_LOT]).update(
            vu_la_derniere_fois=maintenant, dernier_import=lot_import
        )


def _texte(valeur) -> str:
    if isinstance(valeur, list):
        valeur = " | ".join(valeur)
    return str(valeur if valeur is not None else "")[:80]


def _fermer_disparus(source: str, vus: set[str], lot_import, aujourd_hui) -> list[str]:
    """Places no longer in their source are closed with a date, never deleted."""
    disparus = [
        s
        for s in SourceLieu.objects.filter(source=source, disparu_le__isnull=True).select_related(
            "lieu"
        )
        if s.identifiant not in vus
    ]
    for source_lieu in disparus:
        source_lieu.disparu_le = aujourd_hui
        source_lieu.save(update_fields=["disparu_le"])
        lieu = source_lieu.lieu
        # A place also known by another source that still lists it stays open.
        if (
            lieu.sources.filter(disparu_le__isnull=True).exists()
            or lieu.statut == Lieu.Statut.FERME
        ):
            continue
        fermer_lieu(
            lieu, commentaire=f"Absent du dernier import de « {source} »", import_lieux=lot_import
        )
    return [s.lieu.nom for s in disparus]
