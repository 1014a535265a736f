"""Demonstration self-assessments and improvement actions (labelled, never shown on « Nos
résultats », never counted): two services of the catalogue assess the current year."""

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from sun.qualite.models import ActionAmelioration, AutoEvaluation, Engagement, NiveauEngagement
from sun.relation.models import ServiceInstructeur

ACTIONS = (
    (2, "Publier les horaires de plus forte affluence du standard", "Taux de décroché"),
    (7, "Rappeler sous 48 h les usagers qui ont laissé un avis « Pas bien »", "Avis des usagers"),
    (4, "Envoyer l'accusé de réception par courriel le jour même", "Auto-évaluation"),
    (5, "Rédiger en « facile à lire » la page de la démarche la plus demandée", "Réclamation"),
)
STATUTS = ActionAmelioration.Statut


def creer_engagements_demo(aujourd_hui: date | None = None) -> int:
    """Create them once (nothing if any exists, or without commitments or services); returns
    the number of actions created."""
    if ActionAmelioration.objects.filter(demonstration=True).exists():
        return 0
    engagements = list(Engagement.objects.order_by("numero"))
    services = list(ServiceInstructeur.objects.order_by("code")[:2])
    if not engagements or not services:
        return 0
    aujourd_hui = aujourd_hui or timezone.localdate()
    hasard = random.Random(16)
    niveaux = [NiveauEngagement.ATTEINT, NiveauEngagement.EN_COURS, NiveauEngagement.NON_ENGAGE]
    crees = 0
    with transaction.atomic():
        for service in services:
            for e in engagements:
                AutoEvaluation.objects.get_or_create(
                    service=service, engagement=e, annee=aujourd_hui.year,
                    defaults={"niveau": hasard.choice(niveaux), "demonstration": True,
                              "constat": "Constat de démonstration."},
                )  # fmt: skip
            par_numero = {e.numero: e for e in engagements}
            for i, (numero, intitule, origine) in enumerate(ACTIONS):
                statut = (STATUTS.REALISEE, STATUTS.EN_COURS, STATUTS.PREVUE, STATUTS.EN_COURS)[i]
                ActionAmelioration.objects.create(
                    service=service, engagement=par_numero.get(numero), intitule=intitule,
                    origine=origine, statut=statut, demonstration=True,
                    avancement={STATUTS.REALISEE: 100, STATUTS.EN_COURS: 40}.get(statut, 0),
                    echeance=aujourd_hui + timedelta(days=hasard.randrange(-30, 180)),
                )  # fmt: skip
                crees += 1
    return crees
