"""Demonstration calls for projects and applications (all `demonstration=True`, « (démonstration) »
in the titles, never counted). Applications are made on the loaded plan's actions when a plan
exists; without a plan, only the calls are created. Idempotent: run twice, nothing doubles."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

SUFFIXE = " (démonstration)"

# (title, funder, programme, days to the deadline, beneficiaries, ceiling, link, relayed)
APPELS = (
    ("Conseillers numériques et médiation", "Agence nationale de la cohésion des territoires "
     "(ANCT)", "France Numérique Ensemble", 45, "Collectivités, associations, structures de "
     "médiation numérique", 100000, "https://societenumerique.gouv.fr/", True),
    ("Territoires numériques inclusifs", "Banque des Territoires", "Programme Territoires "
     "d'industrie et numérique", 20, "Collectivités territoriales et leurs groupements",
     150000, "https://www.banquedesterritoires.fr/", False),
    ("Ateliers numériques pour tous", "Fondation Orange", "Maisons digitales", 10,
     "Associations loi 1901 d'intérêt général", 20000, "https://www.fondationorange.com/",
     True),
    ("Inclusion numérique en Occitanie", "Région Occitanie", "Occitanie numérique", 75,
     "Collectivités, associations et tiers-lieux d'Occitanie", 60000,
     "https://www.laregion.fr/", False),
    ("Services publics numériques", "Union européenne (FEDER)", "Programme opérationnel "
     "FEDER-FSE+ Occitanie 2021-2027", 120, "Collectivités et établissements publics",
     500000, "https://www.europe-en-occitanie.eu/", False),
    ("Fonds de transformation de l'action publique", "Direction interministérielle de la "
     "transformation publique (DITP)", "Fonds de transformation", -30, "Administrations "
     "publiques", 300000, "https://www.modernisation.gouv.fr/", False),
)  # fmt: skip

# (index of the call, action rank in the plan, status, asked, obtained, budget type)
CANDIDATURES = (
    (0, 0, "obtenue", 80000, 60000, "fonctionnement"),
    (1, 1, "deposee", 120000, None, None),
    (4, 2, "preparation", 250000, None, None),
    (5, 3, "obtenue", 150000, 150000, "investissement"),
    (5, 4, "refusee", 90000, None, None),
)


def _appels(aujourd_hui) -> list:
    from sun.projets.models import AppelAProjets

    appels = []
    for titre, financeur, programme, jours, beneficiaires, plafond, lien, relaye in APPELS:
        appels.append(AppelAProjets.objects.get_or_create(titre=titre + SUFFIXE, defaults={
            "financeur": financeur, "programme": programme,
            "date_limite": aujourd_hui + timedelta(days=jours), "beneficiaires": beneficiaires,
            "montant_max": Decimal(plafond), "lien": lien, "relaye": relaye,
            "description": "Appel fictif de démonstration, inspiré des dispositifs réels.",
            "demonstration": True})[0])  # fmt: skip
    return appels


def _ligne(action, annee: int, type_budget: str):
    """An existing line of the action for that year and type, else a new empty one."""
    from sun.projets.appels.services import ligne_budget_pour

    existante = action.budget.filter(annee=annee, type=type_budget).first()
    return existante or ligne_budget_pour(action, annee, type_budget)


def creer_demo() -> list[str]:
    from sun.pilotage.avancement import plan_courant
    from sun.projets.models import Candidature

    aujourd_hui = timezone.localdate()
    with transaction.atomic():
        appels = _appels(aujourd_hui)
        lignes = [f"{len(appels)} appels à projets de DÉMONSTRATION "
                  f"({sum(1 for a in appels if a.relaye)} relayés sur le site public)"]  # fmt: skip
        plan = plan_courant()
        if plan is None:
            lignes.append("Aucun plan chargé : pas de candidatures de démonstration.")
            return lignes
        actions = list(plan.actions.order_by("code"))
        annee = min(max(aujourd_hui.year, plan.debut), plan.fin)
        faites = set()
        for i_appel, rang, statut, demande, obtenu, type_budget in CANDIDATURES:
            if not actions:
                break
            appel, action = appels[i_appel], actions[rang % len(actions)]
            depot = min(appel.date_limite, aujourd_hui) - timedelta(days=5)
            decidee = statut in ("obtenue", "refusee")
            c, _ = Candidature.objects.get_or_create(appel=appel, action=action, defaults={
                "statut": statut, "montant_demande": Decimal(demande),
                "montant_obtenu": Decimal(obtenu) if obtenu else None,
                "deposee_le": depot if statut != "preparation" else None,
                "decision_le": aujourd_hui - timedelta(days=2) if decidee else None,
                "ligne_budget": _ligne(action, annee, type_budget) if type_budget else None,
                "note": "Candidature fictive de démonstration.", "demonstration": True})  # fmt: skip
            faites.add(c.pk)
        lignes.append(
            f"{len(faites)} candidatures de DÉMONSTRATION sur les actions du plan « {plan.titre} »"
        )
        return lignes
