"""Demonstration answers: a few hundred generated answers to the questionnaire over the last
twelve months, on the catalogue's démarches (and so their services), every channel and every
step, some with a generated comment (« texte de démonstration »), each flagged
`demonstration` (never counted in a result, shown apart). Created once."""

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from sun.qualite.models import Avis, Emplacement, Moderation
from sun.qualite.satisfaction import questionnaire as q
from sun.relation.models import Demarche

NOMBRE = 400
CANAUX = ["en_ligne", "en_ligne", "en_ligne", "telephone", "guichet", "courriel"]
COMMENTAIRES = [
    "Texte de démonstration : la démarche était claire, réponse rapide.",
    "Texte de démonstration : difficile de trouver le bon formulaire.",
    "Texte de démonstration : accueil au guichet très aimable.",
    "Texte de démonstration : personne ne répond au téléphone le matin.",
    "Texte de démonstration : il manque la liste des pièces à fournir.",
]


def _reponse(hasard: random.Random) -> dict:
    satisfaction = hasard.choices([o.code for o in q.SATISFACTION], [2, 3, 6])[0]
    valeurs: dict = {"satisfaction": satisfaction}
    if hasard.random() < 0.8:
        valeurs["comprehension"] = hasard.choices(q.ECHELLE_1_5, [1, 1, 2, 4, 3])[0]
    if hasard.random() < 0.7:
        if hasard.random() < 0.45:
            valeurs |= {"contact_tried": [q.AIDE_SANS_BESOIN], "autonome": True}
        else:
            aides = sorted(set(hasard.choices(["guichet", "telephone", "email", "proche",
                                               "internet"], k=2)))  # fmt: skip
            joint = {c: hasard.random() < 0.75 for c in aides if c in q.CODES_ADMINISTRATION}
            qualite = {c: hasard.choices(q.ECHELLE_1_5, [1, 1, 2, 4, 3])[0]
                       for c, oui in joint.items() if oui}  # fmt: skip
            valeurs |= {"contact_tried": aides, "autonome": False, "contact_reached": joint,
                        "contact_satisfaction": qualite}  # fmt: skip
    if hasard.random() < 0.25:
        valeurs |= {"verbatim": hasard.choice(COMMENTAIRES),
                    "moderation": hasard.choice([Moderation.A_LIRE, Moderation.A_LIRE,
                                                 Moderation.ACCEPTE, Moderation.ECARTE])}  # fmt: skip
    return valeurs


@transaction.atomic
def creer_avis_demo(maintenant: datetime | None = None, nombre: int = NOMBRE) -> int:
    """Generate the demonstration answers once; returns how many were created now."""
    if Avis.objects.demonstration().exists():
        return 0
    demarches = list(Demarche.objects.select_related("service").order_by("slug"))
    if not demarches:
        return 0
    maintenant = maintenant or timezone.now()
    hasard = random.Random(16)
    avis = []
    for _ in range(nombre):
        demarche = hasard.choice(demarches)
        canal = hasard.choice(CANAUX)
        valeurs = _reponse(hasard)
        if valeurs.get("moderation") in (Moderation.ACCEPTE, Moderation.ECARTE):
            valeurs["modere_le"] = maintenant
        avis.append(Avis(
            recu_le=maintenant - timedelta(days=hasard.randrange(365), minutes=hasard.randrange(600)),
            emplacement=Emplacement.BORNE if canal == "guichet" else Emplacement.DEMARCHE,
            canal=canal, demarche=demarche, service=demarche.service, demonstration=True,
            **valeurs,
        ))  # fmt: skip
    Avis.objects.bulk_create(avis)
    return len(avis)
