"""Demonstration network and activity records: generated deterministically on the
demonstration places, flagged `demonstration` everywhere, never counted in France Numérique
Ensemble figures nor in indicators. Names are invented and say so; no phone number is
invented; e-mail addresses use the reserved example.org domain."""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sun.core.versions import donnees_ecrites
from sun.inclusion.activites import coop
from sun.inclusion.activites import regles as activites
from sun.inclusion.models import Activite, Lieu, LieuActivite, Mediateur, Structure

PRENOMS = [
    "Camille",
    "Dominique",
    "Sacha",
    "Claude",
    "Alix",
    "Morgane",
    "Lou",
    "Noa",
    "Charlie",
    "Maxime",
]
NOMS = [
    "Martin",
    "Bernard",
    "Roux",
    "Fabre",
    "Garcia",
    "Marty",
    "Vidal",
    "Blanc",
    "Rouquette",
    "Combes",
]
ACTIVITES_PAR_MEDIATEUR = 40


def _profil(alea: random.Random, dispositifs: list[str]) -> str:
    if "Conseillers numériques" in dispositifs:
        return Mediateur.Profil.CONSEILLER_NUMERIQUE
    return alea.choice([Mediateur.Profil.MEDIATEUR, Mediateur.Profil.AIDANT])


@transaction.atomic
def creer_reseau_demo(code_departement: str, aujourd_hui: date | None = None) -> tuple[int, int]:
    """Médiateurs on the demonstration places and a year of their activities. Idempotent:
    returns (médiateurs, activités) of demonstration in the département."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    lieux = list(
        Lieu.objects.filter(demonstration=True, code_insee__startswith=code_departement[:2])
        .select_related("commune_ref").order_by("code_insee", "nom")
    )  # fmt: skip
    if (
        lieux
        and not Mediateur.objects.filter(
            demonstration=True, lieux_activite__lieu__in=lieux
        ).exists()
    ):
        _creer(lieux, code_departement, aujourd_hui)
    mediateurs = Mediateur.objects.filter(
        demonstration=True, lieux_activite__lieu__in=lieux
    ).distinct()
    return mediateurs.count(), Activite.objects.filter(demonstration=True, lieu__in=lieux).count()


def _creer(lieux: list[Lieu], code_departement: str, aujourd_hui: date) -> None:
    alea = random.Random(f"sun-reseau-demonstration-{code_departement}")
    compte_demo = get_user_model().objects.filter(username="demo-mediateur").first()
    nouvelles: list[Activite] = []
    for numero, lieu in enumerate(lieux, start=1):
        if lieu.typologie == ["BIB"] and alea.random() < 0.6:
            continue  # not every library has a médiateur
        commune = lieu.commune_ref
        structure, _ = Structure.objects.get_or_create(
            pivot=f"WDEMO{lieu.code_insee}{numero % 10}"[:10],
            defaults={"nom": f"Employeur de {lieu.nom}", "commune_ref": commune, "demonstration": True},
        )  # fmt: skip
        mediateur = Mediateur.objects.create(
            prenom=alea.choice(PRENOMS), nom=f"{alea.choice(NOMS)} (démonstration)",
            profil=_profil(alea, lieu.dispositif_programmes_nationaux),
            aidant_connect="Aidants Connect" in lieu.dispositif_programmes_nationaux or alea.random() < 0.2,
            employeur=structure, courriel=f"mediateur-{numero}@example.org", demonstration=True,
            compte=compte_demo if numero == 1 and compte_demo and not hasattr(compte_demo, "fiche_mediateur") else None,
        )  # fmt: skip
        debut = aujourd_hui - timedelta(days=alea.randint(120, 1500))
        LieuActivite.objects.create(mediateur=mediateur, lieu=lieu, debut=debut)
        nouvelles.extend(
            _activite(alea, mediateur, lieu, aujourd_hui, f"demo-{lieu.pk}-{n}")
            for n in range(ACTIVITES_PAR_MEDIATEUR)
        )
    Activite.objects.bulk_create(nouvelles, batch_size=1000)
    donnees_ecrites(Activite)


def _activite(
    alea: random.Random, mediateur: Mediateur, lieu: Lieu, aujourd_hui: date, identifiant: str
) -> None:
    collectif = alea.random() < 0.25
    jour = aujourd_hui - timedelta(days=alea.randint(0, 364))
    thematiques = alea.sample(list(coop.THEMATIQUES_MEDIATION), k=alea.randint(1, 3))
    donnees = {
        "type": "collectif" if collectif else "individuel", "date": jour.isoformat(),
        "duree": alea.choice([30, 45, 60, 90, 120] if collectif else coop.DUREES_PROPOSEES),
        "type_lieu": "lieu_activite", "lieu": lieu, "thematiques": thematiques,
        "materiel": [alea.choice(list(coop.MATERIEL))],
    }  # fmt: skip
    if collectif:
        participants = alea.randint(3, 12)
        femmes = alea.randint(0, participants)
        donnees.update({"accompagnements": participants, "titre_atelier": "Atelier de démonstration",
                        "niveau_atelier": alea.choice(coop.NiveauAtelier.values),
                        "genre_feminin": femmes, "genre_masculin": participants - femmes,
                        "age_60_69": participants // 2, "statut_retraite": participants // 2})  # fmt: skip
    else:
        age = alea.choice(coop.TRANCHES_AGE[2:7])[0]
        donnees.update({"accompagnements": 1, "autonomie": alea.choice(coop.Autonomie.values),
                        f"genre_{alea.choice(['feminin', 'masculin'])}": 1, f"age_{age}": 1,
                        "deja_accompagnes": 1 if alea.random() < 0.3 else 0})  # fmt: skip
    verification = activites.valider(donnees, aujourd_hui)
    if verification.problemes:  # a generator bug, not a user error
        raise ValueError(f"Activité de démonstration invalide : {verification.problemes}")
    creation = timezone.make_aware(datetime.combine(jour, time(17, 0)))
    return Activite(
        **{**verification.valeurs, "creation": creation}, source=Activite.Source.DEMONSTRATION,
        identifiant_source=identifiant, mediateur=mediateur, demonstration=True,
    )  # fmt: skip
