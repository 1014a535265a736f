"""Stage « write in bulk »: new places with their source record and history, changed places
with the difference in their history, and the structures (SIRET) they belong to.

One statement per batch of rows (core.imports.masse), never one per row.
"""

from datetime import date, datetime

from sun.core.imports.masse import inserer, inserer_lignes, mettre_a_jour
from sun.inclusion.lieux.importation.fiche import CHAMPS_LIEU, Fiche, jsonable
from sun.inclusion.lieux.importation.rapprochement import Connu
from sun.inclusion.lieux.version_registre import registre_modifie
from sun.inclusion.models import HistoriqueLieu, ImportLieux, Lieu, SourceLieu, Structure

TAILLE_LECTURE = 500


def rattacher_structures(lieux: list[Lieu]) -> None:
    """Attach places to their structure (by pivot), creating the missing ones in bulk."""
    pivots = {lieu.pivot for lieu in lieux if lieu.pivot}
    if not pivots:
        return
    existantes: dict[str, int] = {}
    liste = list(pivots)
    for i in range(0, len(liste), TAILLE_LECTURE):
        existantes |= dict(
            Structure.objects.filter(pivot__in=liste[i : i + TAILLE_LECTURE]).values_list(
                "pivot", "pk"
            )
        )
    nouvelles = {}
    for lieu in lieux:
        if lieu.pivot and lieu.pivot not in existantes and lieu.pivot not in nouvelles:
            nouvelles[lieu.pivot] = Structure(pivot=lieu.pivot, nom=lieu.structure_parente[:200])
    if nouvelles:
        inserer(list(nouvelles.values()))
        creees = list(nouvelles)
        for i in range(0, len(creees), TAILLE_LECTURE):
            existantes |= dict(
                Structure.objects.filter(pivot__in=creees[i : i + TAILLE_LECTURE]).values_list(
                    "pivot", "pk"
                )
            )
    for lieu in lieux:
        if lieu.pivot:
            lieu.structure_id = lieu.structure_id or existantes.get(lieu.pivot)


def creer(fiches: list[Fiche], lot: ImportLieux, maintenant: datetime) -> list[Lieu]:
    lieux = []
    for fiche in fiches:
        lieu = Lieu(
            **fiche.champs, commune_ref_id=fiche.commune_pk, precision_localisation=fiche.precision
        )
        lieu.preparer_cles_doublons()
        lieux.append(lieu)
    rattacher_structures(lieux)
    inserer(lieux)
    inserer_lignes(SourceLieu, (
        {"lieu_id": lieu.pk, "source": lot.source, "identifiant": fiche.identifiant,
         "empreinte": fiche.empreinte, "premier_import_id": lot.pk, "dernier_import_id": lot.pk,
         "vu_la_premiere_fois": maintenant, "vu_la_derniere_fois": maintenant, "disparu_le": None}
        for lieu, fiche in zip(lieux, fiches, strict=True)
    ))  # fmt: skip
    commentaire = f"Importé de « {lot.source} »"
    inserer_lignes(HistoriqueLieu, (
        {"lieu_id": lieu.pk, "action": HistoriqueLieu.Action.CREATION, "import_lieux_id": lot.pk,
         "commentaire": commentaire, "changements": {}, "auteur_id": None}
        for lieu in lieux
    ))  # fmt: skip
    if lieux:
        registre_modifie()
    return lieux


def _differences(lieu: Lieu, champs: dict) -> dict:
    return {
        champ: [jsonable(getattr(lieu, champ)), jsonable(valeur)]
        for champ, valeur in champs.items()
        if getattr(lieu, champ) != valeur
    }


def mettre_a_jour_lieux(
    paires: list[tuple[Fiche, Connu]], lot: ImportLieux, aujourd_hui: date
) -> list[tuple[Lieu, dict]]:
    """Apply the source's new values; a place that had vanished from it and is back reopens."""
    if not paires:
        return []
    cles = [connu.lieu_id for _, connu in paires]
    lieux: dict = {}
    for i in range(0, len(cles), TAILLE_LECTURE):
        lieux |= Lieu.objects.in_bulk(cles[i : i + TAILLE_LECTURE])
    resultats, historiques, sources = [], [], []
    for fiche, connu in paires:
        lieu = lieux[connu.lieu_id]
        differences = _differences(lieu, fiche.champs)
        action = HistoriqueLieu.Action.MODIFICATION
        if lieu.statut == Lieu.Statut.FERME and connu.disparu_le is not None:
            lieu.statut, lieu.date_statut = Lieu.Statut.ACTIF, aujourd_hui
            action = HistoriqueLieu.Action.REOUVERTURE
        for champ, valeur in fiche.champs.items():
            setattr(lieu, champ, valeur)
        lieu.commune_ref_id, lieu.precision_localisation = fiche.commune_pk, fiche.precision
        lieu.preparer_cles_doublons()
        resultats.append((lieu, differences))
        sources.append(
            SourceLieu(pk=connu.pk, empreinte=fiche.empreinte, dernier_import=lot, disparu_le=None)
        )
        historiques.append(HistoriqueLieu(
            lieu=lieu, action=action, import_lieux=lot, changements=differences,
            commentaire=f"Mis à jour par « {lot.source} »",
        ))  # fmt: skip
    modifies = [lieu for lieu, _ in resultats]
    rattacher_structures(modifies)
    mettre_a_jour(modifies, [*CHAMPS_LIEU, "commune_ref", "precision_localisation", "statut",
                             "date_statut", "cles_doublons", "structure"])  # fmt: skip
    mettre_a_jour(sources, ["empreinte", "dernier_import", "disparu_le"])
    inserer(historiques)
    registre_modifie()
    return resultats


def marquer_vus(source: str, non_vus: list[int], lot: ImportLieux, maintenant: datetime) -> None:
    """Every place of the file was seen now: one statement for the whole source."""
    vus = SourceLieu.objects.filter(source=source)
    if len(non_vus) <= 5000:
        vus.exclude(pk__in=non_vus).update(vu_la_derniere_fois=maintenant, dernier_import=lot)
        return
    exclus = set(non_vus)
    pks = [pk for pk in vus.values_list("pk", flat=True) if pk not in exclus]
    for i in range(0, len(pks), 5000):
        SourceLieu.objects.filter(pk__in=pks[i : i + 5000]).update(
            vu_la_derniere_fois=maintenant, dernier_import=lot
        )
