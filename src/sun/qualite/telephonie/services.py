"""Writes of the telephone wing: the settings of a queue (its service, target and thresholds)
and the rota of a queue. Every write changes the telephone version (`qualite/versions.py`), so
that the cached figures are computed again."""

from django.db import transaction

from sun.core.versions import donnees_ecrites
from sun.qualite.models import Effectif, FileAttente
from sun.relation.models import ServiceInstructeur

JOURS_SEMAINE = range(1, 8)
DEMI_HEURES = range(48)
AGENTS_MAX = 500


class PlanningInvalide(ValueError):
    """A rota entry out of range (message in French)."""


def regler_file(file: FileAttente, *, service: ServiceInstructeur | None, objectif_decroche: int,
                abandon_court_s: int, seuil_reponse_s: int) -> FileAttente:  # fmt: skip
    """Tie `file` to `service` (None: to no service) and set its target and thresholds."""
    file.service = service
    file.objectif_decroche = objectif_decroche
    file.abandon_court_s = abandon_court_s
    file.seuil_reponse_s = seuil_reponse_s
    file.save(update_fields=["service", "objectif_decroche", "abandon_court_s",
                             "seuil_reponse_s", "date_maj"])  # fmt: skip
    return file


def enregistrer_planning(file: FileAttente, grille: dict[tuple[int, int], int | None]) -> int:
    """Replace the rota of `file` on the half-hours of `grille` ({(weekday 1–7, half-hour
    0–47): agents on duty, None to clear}); half-hours outside `grille` are kept. Returns the
    number of half-hours now entered in `grille`. Nothing is written if one value is out of
    range."""
    for (jour, demi_heure), agents in grille.items():
        if jour not in JOURS_SEMAINE or demi_heure not in DEMI_HEURES:
            raise PlanningInvalide(f"Créneau inconnu : jour {jour}, demi-heure {demi_heure}.")
        if agents is not None and not 0 <= agents <= AGENTS_MAX:
            raise PlanningInvalide(f"Nombre d'agents hors limites (0 à {AGENTS_MAX}) : {agents}.")
    saisis = [Effectif(file=file, jour_semaine=j, demi_heure=h, agents=n)
              for (j, h), n in sorted(grille.items()) if n is not None]  # fmt: skip
    with transaction.atomic():
        existants = Effectif.objects.filter(file=file)
        for jour in {j for j, _ in grille}:
            heures = [h for j, h in grille if j == jour]
            existants.filter(jour_semaine=jour, demi_heure__in=heures).delete()
        Effectif.objects.bulk_create(saisis)
        donnees_ecrites(Effectif)
    return len(saisis)
