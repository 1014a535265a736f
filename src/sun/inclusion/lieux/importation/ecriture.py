"""Stage « write in bulk »: new places with their source record and history, changed places
with the difference in their history, and the structures (SIRET) they belong to.

One statement per batch of rows (core.imports.masse), never one per row.
"""

import uuid
from datetime import date, datetime, timedelta

from sun.core.imports.masse import inserer, inserer_lignes, mettre_a_jour
from sun.inclusion.lieux.dedoublonnage import CHAMPS_LOCALISATION, RANG_PRECISION
from sun.inclusion.lieux.doublons import cles_comparaison
from sun.inclusion.lieux.importation.fiche import CHAMPS_LIEU, Fiche, changements_de
from sun.inclusion.lieux.importation.rapprochement import Connu
from sun.inclusion.lieux.version_registre import registre_modifie
from sun.inclusion.models import HistoriqueLieu, ImportLieux, Lieu, SourceLieu, Structure

TAILLE_LECTURE = 500


def structures_des_pivots(noms: dict[str, str]) -> dict[str, int]:
    """The structure of each pivot (SIRET or RNA → name), the missing ones created in bulk."""
    existantes: dict[str, int] = {}
    pivots = list(noms)
    for i in range(0, len(pivots), TAILLE_LECTURE):
        existantes |= dict(
            Structure.objects.filter(pivot__in=pivots[i : i + TAILLE_LECTURE]).values_list(
                "pivot", "pk"
            )
        )
    nouvelles = [p for p in pivots if p not in existantes]
    if nouvelles:
        inserer_lignes(Structure, ({"pivot": p, "nom": noms[p][:200]} for p in nouvelles))
        for i in range(0, len(nouvelles), TAILLE_LECTURE):
            existantes |= dict(
                Structure.objects.filter(pivot__in=nouvelles[i : i + TAILLE_LECTURE]).values_list(
                    "pivot", "pk"
                )
            )
    return existantes


def rattacher_structures(lieux: list[Lieu]) -> None:
    """Attach places to their structure (by pivot), creating the missing ones in bulk."""
    noms = {lieu.pivot: lieu.structure_parente for lieu in lieux if lieu.pivot}
    if not noms:
        return
    structures = structures_des_pivots(noms)
    for lieu in lieux:
        if lieu.pivot:
            lieu.structure_id = lieu.structure_id or structures.get(lieu.pivot)


def creer(fiches: list[Fiche], lot: ImportLieux, maintenant: datetime) -> list[tuple]:
    """New places, written as rows (no model object): return (id, name, commune) of each.
    `maintenant` is the creation time of the first; the next ones follow a microsecond apart."""
    noms = {f.champs["pivot"]: f.champs["structure_parente"] for f in fiches if f.champs["pivot"]}
    structures = structures_des_pivots(noms) if noms else {}
    cles = [uuid.uuid4() for _ in fiches]
    # Creation times follow the file's order (one microsecond apart): when two new places
    # are merged, the one listed first is kept, as when they were saved one by one.
    inserer_lignes(Lieu, (
        {**fiche.champs, "id": cle, "cree_le": maintenant + timedelta(microseconds=rang),
         "commune_ref_id": fiche.commune_pk,
         "precision_localisation": fiche.precision, "date_maj_fournie": fiche.date_fournie,
         "statut": Lieu.Statut.A_VERIFIER if fiche.a_verifier else Lieu.Statut.ACTIF,
         "structure_id": structures.get(fiche.champs["pivot"]),
         "cles_doublons": cles_comparaison(fiche.champs["nom"], fiche.champs["adresse"],
                                           fiche.champs["commune"])}
        for rang, (cle, fiche) in enumerate(zip(cles, fiches, strict=True))
    ))  # fmt: skip
    inserer_lignes(SourceLieu, (
        {"lieu_id": cle, "source": lot.source, "identifiant": fiche.identifiant,
         "empreinte": fiche.empreinte, "premier_import_id": lot.pk, "dernier_import_id": lot.pk,
         "vu_la_premiere_fois": maintenant, "vu_la_derniere_fois": maintenant, "disparu_le": None}
        for cle, fiche in zip(cles, fiches, strict=True)
    ))  # fmt: skip
    commentaire = f"Importé de « {lot.source} »"
    inserer_lignes(HistoriqueLieu, (
        {"lieu_id": cle, "action": HistoriqueLieu.Action.CREATION, "import_lieux_id": lot.pk,
         "commentaire": commentaire, "changements": {}, "auteur_id": None}
        for cle in cles
    ))  # fmt: skip
    if fiches:
        registre_modifie()
    return [
        (cle, f.champs["nom"], f.champs["commune"]) for cle, f in zip(cles, fiches, strict=True)
    ]


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
    partages = _lieux_partages(cles)
    resultats, historiques, sources = [], [], []
    for fiche, connu in paires:
        lieu = lieux[connu.lieu_id]
        champs = fiche.champs
        if lieu.pk in partages and RANG_PRECISION.get(fiche.precision, 0) < RANG_PRECISION.get(
            lieu.precision_localisation, 0
        ):  # another source located this place better: its location stays
            champs = {c: v for c, v in champs.items() if c not in CHAMPS_LOCALISATION}
        differences = changements_de(lieu, champs)
        action = HistoriqueLieu.Action.MODIFICATION
        if lieu.statut == Lieu.Statut.FERME and connu.disparu_le is not None:
            lieu.statut, lieu.date_statut = Lieu.Statut.ACTIF, aujourd_hui
            action = HistoriqueLieu.Action.REOUVERTURE
        for champ, valeur in champs.items():
            setattr(lieu, champ, valeur)
        if champs is fiche.champs:
            lieu.commune_ref_id, lieu.precision_localisation = fiche.commune_pk, fiche.precision
        lieu.date_maj_fournie = fiche.date_fournie
        if fiche.a_verifier and lieu.statut == Lieu.Statut.ACTIF:
            lieu.statut, lieu.date_statut = Lieu.Statut.A_VERIFIER, aujourd_hui
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
                             "date_statut", "cles_doublons", "structure", "date_maj_fournie"])  # fmt: skip
    mettre_a_jour(sources, ["empreinte", "dernier_import", "disparu_le"])
    inserer(historiques)
    registre_modifie()
    return resultats


def _lieux_partages(cles: list) -> set:
    """The places that more than one source lists (merged places)."""
    from django.db.models import Count

    partages: set = set()
    for i in range(0, len(cles), TAILLE_LECTURE):
        partages |= set(
            SourceLieu.objects.filter(lieu_id__in=cles[i : i + TAILLE_LECTURE], disparu_le=None)
            .values("lieu_id").annotate(n=Count("pk")).filter(n__gt=1)
            .values_list("lieu_id", flat=True)
        )  # fmt: skip
    return partages


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
