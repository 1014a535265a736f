"""Demonstration requests on the tools: about 25 requests (`demonstration=True`, never counted)
on 3 demonstration tools of the register, in the demonstration directions, with several
statuses, natures and scores, one duplicate and a few supports by demonstration users when
there are any. Idempotent: a request is recognised by its title."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sun.projets.demandes.services import recalculer_score

OUTILS_DEMO = (
    ("demo-gestion-courrier", "Gestion du courrier"),
    ("demo-portail-rh", "Portail RH des agents"),
    ("demo-aide-sociale", "Logiciel de l'aide sociale"),
)
# (title, nature, tool index or None, status, users, frequency, legal, effort, age in days)
# fmt: off
DEMANDES = (
    ("Exporter la liste des courriers en tableur", "evolution", 0, "qualifiee", 60, "quotidienne", False, 2, 40),
    ("Numériser les courriers à l'arrivée", "evolution", 0, "planifiee", 250, "quotidienne", False, 5, 90),
    ("Relancer automatiquement les courriers sans réponse", "evolution", 0, "nouvelle", 30, "hebdomadaire", False, None, 5),
    ("Conserver les accusés de réception électroniques", "evolution", 0, "qualifiee", 15, "mensuelle", True, 4, 60),
    ("Le courrier ne s'ouvre plus dans le navigateur", "incident", 0, "realisee", None, "", False, None, 30),
    ("Comment affecter un courrier à un autre service", "question", 0, "realisee", None, "", False, None, 20),
    ("Poser ses congés depuis un téléphone", "evolution", 1, "en_cours", 900, "mensuelle", False, 3, 120),
    ("Afficher le solde de jours de télétravail", "evolution", 1, "qualifiee", 600, "hebdomadaire", False, 1, 45),
    ("Télécharger ses bulletins de paie sur dix ans", "evolution", 1, "nouvelle", 400, "rare", False, None, 3),
    ("Déclarer les heures supplémentaires en ligne", "evolution", 1, "qualifiee", 120, "mensuelle", False, 4, 70),
    ("Accessibilité du portail RH au lecteur d'écran", "evolution", 1, "planifiee", 20, "quotidienne", True, 3, 100),
    ("Le portail RH refuse la connexion le lundi matin", "incident", 1, "en_cours", None, "", False, None, 2),
    ("Où trouver le formulaire de frais de déplacement", "question", 1, "realisee", None, "", False, None, 15),
    ("Demande de congés refusée sans message", "incident", 1, "rejetee", None, "", False, None, 50),
    ("Pré-remplir les dossiers d'aide sociale", "evolution", 2, "qualifiee", 80, "quotidienne", False, 3, 35),
    ("Joindre des pièces depuis un scanner", "evolution", 2, "nouvelle", 80, "hebdomadaire", False, None, 8),
    ("Tableau de bord des dossiers en retard", "evolution", 2, "qualifiee", 25, "hebdomadaire", False, 2, 25),
    ("Archiver les dossiers clos selon la durée légale", "evolution", 2, "qualifiee", 10, "rare", True, 5, 150),
    ("Rechercher un dossier par numéro d'allocataire", "evolution", 2, "realisee", 80, "quotidienne", False, 1, 200),
    ("Lenteur à l'enregistrement d'un dossier", "incident", 2, "qualifiee", None, "", False, None, 12),
    ("Imprimer une notification en gros caractères", "evolution", 2, "rejetee", 5, "rare", False, 4, 180),
    ("Comment déléguer ses dossiers pendant un congé", "question", 2, "nouvelle", None, "", False, None, 1),
    ("Ouvrir une session unique pour tous les outils", "evolution", None, "nouvelle", 1500, "quotidienne", False, None, 10),
    ("Mot de passe expiré sans prévenir", "incident", None, "realisee", None, "", False, None, 60),
)
# fmt: on
# The duplicate: a near copy of the first request, marked as its duplicate.
DOUBLON = ("Exporter les courriers en tableur", 0)


def _outils() -> list:
    """The demonstration tools of the register (up to 3), completed by ours up to 3."""
    from sun.accessibilite.models import ServiceNumerique

    outils = list(ServiceNumerique.objects.filter(demonstration=True).order_by("pk")[:3])
    for slug, nom in OUTILS_DEMO:
        if len(outils) >= 3:
            break
        outil, _ = ServiceNumerique.objects.get_or_create(slug=slug, defaults={
            "nom": nom, "url": f"https://intranet.example.org/{slug}", "type": "logiciel",
            "public": "agents", "demonstration": True})  # fmt: skip
        if outil not in outils:
            outils.append(outil)
    return outils


def _comptes_demo() -> list:
    """The user accounts of demonstration people (none when there are none)."""
    from sun.competences.models import Personne

    return list(Personne.objects.filter(demonstration=True, compte__isnull=False)
                .order_by("pk").values_list("compte_id", flat=True)[:6])  # fmt: skip


def creer_demo() -> list[str]:
    from sun.competences.demo import directions_demo
    from sun.projets.models import Demande, Soutien

    with transaction.atomic():
        outils, directions = _outils(), directions_demo()
        comptes = _comptes_demo()
        maintenant = timezone.now()
        faites = {}
        for i, (titre, nature, o, statut, users, freq, legal, effort, age) in enumerate(DEMANDES):
            creee = maintenant - timedelta(days=age)
            ferme = statut in ("realisee", "rejetee")
            d, _ = Demande.objects.get_or_create(titre=titre, demonstration=True, defaults={
                "nature": nature, "outil": outils[o] if o is not None else None,
                "direction": directions[i % len(directions)] if directions else None,
                "statut": statut, "utilisateurs_concernes": users, "frequence": freq,
                "obligation_legale": legal, "effort": effort, "creee_le": creee,
                "close_le": creee + timedelta(days=max(age // 2, 1)) if ferme else None,
                "description": "Demande fictive de démonstration.",
            })  # fmt: skip
            faites[titre] = d
        cible = faites[DEMANDES[0][0]]
        Demande.objects.get_or_create(titre=DOUBLON[0], demonstration=True, defaults={
            "nature": "evolution", "outil": outils[DOUBLON[1]], "statut": "doublon",
            "doublon_de": cible, "direction": directions[-1] if directions else None,
            "creee_le": maintenant - timedelta(days=20), "close_le": maintenant - timedelta(days=18),
            "description": "Demande fictive de démonstration (doublon).",
        })  # fmt: skip
        ouvertes = [d for d in faites.values() if d.statut not in ("realisee", "rejetee")]
        for j, compte in enumerate(comptes):
            for d in ouvertes[j % 3 :: 3][:3]:
                Soutien.objects.get_or_create(demande=d, compte_id=compte)
        for d in faites.values():
            recalculer_score(d)
    n = len(faites) + 1
    return [f"{n} demandes sur les outils de DÉMONSTRATION (jamais comptées)."]
