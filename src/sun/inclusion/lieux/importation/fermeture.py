"""Stage « close vanished »: a place its source no longer lists is closed with a date, never
deleted — unless another source still lists it."""

from datetime import date

from django.utils import timezone

from sun.core.imports.masse import inserer, par_lots
from sun.inclusion.lieux.importation.rapprochement import Connu
from sun.inclusion.lieux.version_registre import registre_modifie
from sun.inclusion.models import HistoriqueLieu, ImportLieux, Lieu, SourceLieu


def fermer_disparus(absents: list[Connu], lot: ImportLieux, aujourd_hui: date) -> list[Lieu]:
    """Mark the source's records vanished; close their places; return the places concerned."""
    if not absents:
        return []
    for pks in par_lots([c.pk for c in absents]):
        SourceLieu.objects.filter(pk__in=pks).update(disparu_le=aujourd_hui)
    cles = list({c.lieu_id for c in absents})
    lieux, encore_listes = [], set()
    for morceau in par_lots(cles):
        lieux += Lieu.objects.filter(pk__in=morceau).only("pk", "nom", "commune", "statut")
        encore_listes |= set(
            SourceLieu.objects.filter(lieu_id__in=morceau, disparu_le__isnull=True).values_list(
                "lieu_id", flat=True
            )
        )
    a_fermer = [l for l in lieux if l.pk not in encore_listes and l.statut != Lieu.Statut.FERME]
    maintenant = timezone.now()
    for morceau in par_lots([l.pk for l in a_fermer]):
        Lieu.objects.filter(pk__in=morceau).update(
            statut=Lieu.Statut.FERME, date_statut=aujourd_hui, modifie_le=maintenant
        )
    commentaire = f"Absent du dernier import de « {lot.source} »"
    inserer([
        HistoriqueLieu(lieu_id=l.pk, action=HistoriqueLieu.Action.FERMETURE, import_lieux=lot,
                       commentaire=commentaire, changements={})
        for l in a_fermer
    ])  # fmt: skip
    if a_fermer:
        registre_modifie()
    return lieux
