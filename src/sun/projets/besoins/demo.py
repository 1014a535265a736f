"""Demonstration needs: five functional specifications in several statuses for the
demonstration directions (idempotent by title, everything `demonstration=True`)."""

from django.utils import timezone

from sun.projets.besoins import modele

STATUTS = ("brouillon", "soumis", "etudie", "retenu", "abandonne")
TITRES = (
    "Réserver les salles de réunion en ligne",
    "Suivre les demandes d'aide des associations",
    "Publier l'agenda des collèges",
    "Gérer le prêt des véhicules de service",
    "Recenser les équipements sportifs",
)


def creer_demo() -> list[str]:
    from sun.competences.demo import directions_demo
    from sun.projets.models import ExpressionBesoin

    directions = directions_demo()
    crees = 0
    for i, titre in enumerate(TITRES):
        statut = STATUTS[i % len(STATUTS)]
        complet = statut != "brouillon"
        sections = {s.code: (s.exemple if complet or j < 5 else "")
                    for j, s in enumerate(modele.SECTIONS)}  # fmt: skip
        _, cree = ExpressionBesoin.objects.get_or_create(
            titre=titre, demonstration=True,
            defaults={
                "direction": directions[i % len(directions)], "statut": statut,
                "criteres_sobriete": [c for c, _ in modele.CRITERES_SOBRIETE[: 2 + i]],
                "soumis_le": timezone.now() if complet else None, **sections,
            },
        )  # fmt: skip
        crees += cree
    return [f"{len(TITRES)} expressions de besoin de DÉMONSTRATION ({crees} créée(s))"]
