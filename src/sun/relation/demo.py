"""Demonstration content of the register: a few hundred generated requests on the catalogue's
démarches over the last twelve months, at every stage of their workflow, each flagged
`demonstration` (never counted in the indicators, shown apart on the dashboards), and the
demonstration instructeur made a member of two services."""

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sun.comptes.services import DEMO_PREFIXE
from sun.relation.models import Demande, Demarche, ServiceInstructeur, Statut, Typologie
from sun.relation.registre import services
from sun.relation.registre.statuts import TransitionInterdite

NOMBRE = 300
PRENOMS = ["Camille", "Dominique", "Claude", "Alix", "Sacha", "Maxime", "Andréa", "Lou"]
NOMS = ["Exemple", "Fictif", "Démo", "Essai", "Modèle", "Témoin"]
CANAUX = ["telephone", "guichet", "courrier", "courriel", "en_ligne"]


@transaction.atomic
def creer_demandes_demo(aujourd_hui: date | None = None, nombre: int = NOMBRE) -> int:
    """Generate the demonstration requests once; returns how many were created now."""
    if Demande.objects.filter(demonstration=True).exists():
        return 0
    demarches = list(Demarche.objects.select_related("service").order_by("slug"))
    if not demarches:
        return 0
    aujourd_hui = aujourd_hui or timezone.localdate()
    hasard = random.Random(15)
    _instructeur_demo()
    for i in range(nombre):
        demarche = hasard.choice(demarches)
        recue_le = max(demarche.ouverte_le, aujourd_hui - timedelta(days=hasard.randrange(365)))
        personne = services.Coordonnees(
            nom=f"{hasard.choice(PRENOMS)} {hasard.choice(NOMS)} (démonstration)",
            courriel=f"demo-{i}@example.invalid", code_postal="11000")  # fmt: skip
        d = services.enregistrer_demande(
            demarche, canal=hasard.choice(CANAUX), recue_le=recue_le, coordonnees=personne,
            objet="Demande de démonstration", aujourd_hui=aujourd_hui, demonstration=True,
            typologie=hasard.choice(list(Typologie)) if demarche.reclamation else "",
        )  # fmt: skip
        _faire_avancer(d, hasard, aujourd_hui)
    return nombre


def _faire_avancer(d: Demande, hasard: random.Random, aujourd_hui: date) -> None:
    age = (aujourd_hui - d.recue_le).days
    try:
        if age < 3 or hasard.random() < 0.1:
            return
        jour = d.recue_le + timedelta(days=min(age, hasard.randrange(1, 6)))
        d = services.changer_statut(d, Statut.EN_INSTRUCTION, le=jour, aujourd_hui=aujourd_hui)
        if hasard.random() < 0.25 and age > 10:
            demandees = jour + timedelta(days=2)
            d = services.demander_pieces(d, ["Justificatif de ressources"], le=demandees,
                                         a_fournir_avant=demandees + timedelta(days=30),
                                         aujourd_hui=aujourd_hui)  # fmt: skip
            if age < 25 or hasard.random() < 0.2:
                return
            d = services.recevoir_pieces(d, le=min(aujourd_hui, demandees + timedelta(
                days=hasard.randrange(3, 20))), aujourd_hui=aujourd_hui)  # fmt: skip
        if age < 20 or hasard.random() < 0.3:
            return
        decision = min(aujourd_hui, d.recue_le + timedelta(days=int(hasard.triangular(5, age, 45))))
        vers = hasard.choices([Statut.ACCEPTE, Statut.REFUSE, Statut.SANS_SUITE], [7, 2, 1])[0]
        services.changer_statut(d, vers, le=max(decision, d.recue_le), aujourd_hui=aujourd_hui)
    except (TransitionInterdite, services.DemandeInvalide):
        return


def _instructeur_demo() -> None:
    compte = get_user_model().objects.filter(username=f"{DEMO_PREFIXE}instructeur").first()
    if compte is not None:
        for service in ServiceInstructeur.objects.filter(code__in=["autonomie", "mdph"]):
            service.instructeurs.add(compte)
