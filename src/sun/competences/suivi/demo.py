"""Demonstration content of the follow-up: elected officials tracked « with their consent »
(generated, marked `demonstration`, never counted), beside the demonstration directions and
people of sun.competences.demo."""

from django.utils import timezone

from sun.competences.demo import directions_demo, personnes_demo
from sun.competences.models import Personne

ELUS_DEMO = (("Démo Élu-1", "Camille"), ("Démo Élu-2", "Dominique"), ("Démo Élu-3", "Claude"),
             ("Démo Élu-4", "Alix"), ("Démo Élu-5", "Sacha"), ("Démo Élu-6", "Morgan"))  # fmt: skip


def creer_demo() -> list[str]:
    """Idempotent: the demonstration directions and people, and six demonstration officials."""
    directions = directions_demo()
    personnes = personnes_demo()
    for nom, prenom in ELUS_DEMO:
        Personne.objects.get_or_create(
            nom=nom, prenom=prenom, categorie=Personne.Categorie.ELU, demonstration=True,
            defaults={"consentement_le": timezone.now(),
                      "consentement_modalite": "démonstration (aucun élu réel)"},
        )  # fmt: skip
    return [
        f"{len(directions)} directions de DÉMONSTRATION",
        f"{len(personnes)} agents et encadrants de DÉMONSTRATION",
        f"{len(ELUS_DEMO)} élus de DÉMONSTRATION (suivis « avec consentement » fictif)",
    ]
