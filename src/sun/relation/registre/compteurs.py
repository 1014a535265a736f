"""Counters of requests per service, démarche, status and « in time» (`CompteurDemandes`):
moved by one on every single write, recounted in one GROUP BY after a bulk write (imports,
change of regime). The tests compare them with a full count after random operations."""

from django.db import IntegrityError, transaction
from django.db.models import Count, F

from sun.relation.models import CompteurDemandes, Demande

Cle = tuple[int, int, str, str, bool]


def _oui_non(valeur: bool | None) -> str:
    return "" if valeur is None else ("oui" if valeur else "non")


def cle(demande: Demande) -> Cle:
    return (demande.service_id, demande.demarche_id, demande.statut,
            _oui_non(demande.dans_les_temps), demande.demonstration)  # fmt: skip


def _ajouter(c: Cle, n: int) -> None:
    service, demarche, statut, dlt, demo = c
    filtre = {"service_id": service, "demarche_id": demarche, "statut": statut,
              "dans_les_temps": dlt, "demonstration": demo}  # fmt: skip
    if CompteurDemandes.objects.filter(**filtre).update(nombre=F("nombre") + n):
        return
    try:
        with transaction.atomic():
            CompteurDemandes.objects.create(**filtre, nombre=n)
    except IntegrityError:  # created meanwhile by another transaction
        CompteurDemandes.objects.filter(**filtre).update(nombre=F("nombre") + n)


def deplacer(avant: Cle | None, apres: Cle | None) -> None:
    """One request left `avant` (None: it is new) for `apres` (None: it was deleted)."""
    if avant == apres:
        return
    if avant is not None:
        _ajouter(avant, -1)
    if apres is not None:
        _ajouter(apres, 1)


@transaction.atomic
def recompter(service_ids: list[int] | None = None) -> None:
    """Count again, from the requests, the counters of `service_ids` (all when None)."""
    demandes = Demande.objects.all()
    compteurs = CompteurDemandes.objects.all()
    if service_ids is not None:
        demandes = demandes.filter(service_id__in=service_ids)
        compteurs = compteurs.filter(service_id__in=service_ids)
    compteurs.delete()
    lignes = (demandes.values("service_id", "demarche_id", "statut", "dans_les_temps",
                              "demonstration").annotate(n=Count("pk")).order_by())  # fmt: skip
    CompteurDemandes.objects.bulk_create(
        [CompteurDemandes(service_id=r["service_id"], demarche_id=r["demarche_id"],
                          statut=r["statut"], dans_les_temps=_oui_non(r["dans_les_temps"]),
                          demonstration=r["demonstration"], nombre=r["n"]) for r in lignes],
        batch_size=1000,
    )  # fmt: skip
