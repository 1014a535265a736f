"""Demonstration referents (generated, never counted): one or two per demonstration
direction, the last direction left without one."""

from sun.competences.demo import directions_demo, personnes_demo
from sun.competences.models import Referent

QUESTIONS = "Messagerie et agenda\nImprimantes et scanners\nAccès aux applications métiers"


def creer_demo() -> list[str]:
    """Create what is missing (idempotent); the French lines to print."""
    personnes = personnes_demo()
    directions = directions_demo()
    for d, direction in enumerate(directions[:-1]):
        membres = [p for p in personnes if p.direction_id == direction.pk]
        for i, personne in enumerate(membres[: 1 + d % 2]):
            Referent.objects.get_or_create(direction=direction, personne=personne, defaults={
                "perimetre": "Tous les services de la direction" if i == 0 else "Sites extérieurs",
                "courriel": f"referent-{direction.code}-{i + 1}@example.org",
                "telephone": f"04 68 00 0{d} 0{i}", "questions": QUESTIONS,
            })  # fmt: skip
    total = Referent.objects.filter(direction__demonstration=True).count()
    return [f"{total} référents numériques de DÉMONSTRATION."]
