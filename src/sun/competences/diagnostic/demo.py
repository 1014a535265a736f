"""Demonstration diagnoses (generated, marked `demonstration`, never counted): a finished
diagnosis for most demonstration people, so that the demonstration directions show figures,
except one that stays under 5 people (masked)."""

from django.db import transaction
from django.utils import timezone

from sun.competences import referentiel
from sun.competences.demo import personnes_demo
from sun.competences.models import Diagnostic

# People with a finished diagnosis in each demonstration direction (the last one: masked).
PAR_DIRECTION = (7, 6, 8, 5, 6, 3)


def _reponses(d: int, i: int) -> dict[str, int]:
    """Deterministic, varied levels: some competences below the « à renforcer » threshold."""
    return {c.code: (d * 3 + i * 5 + n * 7) % (referentiel.NIVEAU_MAX + 1)
            for n, c in enumerate(referentiel.COMPETENCES)}  # fmt: skip


def creer_demo() -> list[str]:
    """Create what is missing (idempotent); the French lines to print."""
    personnes = personnes_demo()
    par_direction: dict[int, list] = {}
    for p in personnes:
        par_direction.setdefault(p.direction_id, []).append(p)
    crees = 0
    with transaction.atomic():
        for d, (_, membres) in enumerate(par_direction.items()):
            nombre = PAR_DIRECTION[d] if d < len(PAR_DIRECTION) else 5
            for i, personne in enumerate(membres[:nombre]):
                if Diagnostic.objects.historique_de(personne).exists():
                    continue
                Diagnostic.objects.create(personne=personne, reponses=_reponses(d, i),
                                          termine_le=timezone.now(), demonstration=True,
                                          partage_avec_responsable=i % 2 == 1)  # fmt: skip
                crees += 1
    total = Diagnostic.objects.de_demonstration().termines().count()
    return [f"{total} diagnostics de compétences de DÉMONSTRATION ({crees} créé(s))."]
