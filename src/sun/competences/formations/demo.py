"""Demonstration training sessions (marked `demonstration`, never counted): past and future
sessions of several themes and providers, with registrations of the demonstration people,
some present with their satisfaction answer and certificate. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from sun.competences.demo import personnes_demo
from sun.competences.formations import services
from sun.competences.models import Inscription, Session

# (title, theme, provider, format, hours, days from today, seats, audiences)
SESSIONS_DEMO = (
    ("Reconnaître un hameçonnage", "cybersecurite", "cnfpt", "presentiel", 3, -60, 12,
     ["agents", "encadrants"]),
    ("Sobriété numérique au bureau", "numerique_responsable", "interne", "distanciel", 2, -35,
     15, ["agents", "encadrants"]),
    ("Rédiger un document accessible", "accessibilite", "campus_numerique", "hybride", 7, -20,
     10, ["agents"]),
    ("Piloter un projet numérique", "outils_metiers", "inet", "presentiel", 14, -10, 8,
     ["encadrants"]),
    ("Prévenir le cyberharcèlement", "cyberharcelement", "organisme_agree", "presentiel", 4, 5,
     12, ["elus", "encadrants"]),
    ("L'intelligence artificielle au service public", "ia", "campus_numerique", "elearning", 6,
     9, 30, ["agents", "encadrants", "elus"]),
    ("Le tableur pour les données de la direction", "donnees", "interne", "presentiel", 7, 16,
     10, ["agents"]),
    ("Protéger les données personnelles (RGPD)", "cybersecurite", "cnfpt", "distanciel", 3, 24,
     20, ["agents", "encadrants"]),
    ("Accompagner les usagers vers le numérique", "mediation_numerique", "cnfpt", "presentiel",
     7, 31, 12, ["agents"]),
    ("Mots de passe et double authentification", "cybersecurite", "interne", "distanciel", 2,
     45, 4, ["agents", "encadrants"]),
)  # fmt: skip
LIEU = "Carcassonne, Hôtel du Département, salle de formation (démonstration)"
LIEN = "https://visio.example.org/formation-demo"


def _session(titre, theme, organisme, fmt, heures, jours, places, publics, maintenant) -> Session:
    existante = Session.objects.de_demonstration().filter(titre=titre).first()
    if existante is not None:
        return existante
    debut = (maintenant + timedelta(days=jours)).replace(hour=9, minute=0, second=0,
                                                         microsecond=0)  # fmt: skip
    duree = timedelta(hours=heures if heures <= 8 else 8 + 24)
    return services.creer_session({
        "titre": titre, "description": "Session fictive, pour montrer le fonctionnement de SUN.",
        "theme": theme, "publics": publics, "competences": [], "organisme": organisme,
        "format": fmt, "duree_heures": heures, "debut": debut, "fin": debut + duree,
        "lieu": LIEU if fmt in ("presentiel", "hybride") else "",
        "lien": LIEN if fmt != "presentiel" else "", "places": places, "cout": None,
    }, demonstration=True)  # fmt: skip


def creer_demo() -> list[str]:
    maintenant = timezone.now()
    personnes = personnes_demo()
    sessions, nouvelles = [], 0
    for n, ligne in enumerate(SESSIONS_DEMO):
        avant = Session.objects.de_demonstration().filter(titre=ligne[0]).exists()
        session = _session(*ligne, maintenant)
        nouvelles += not avant
        sessions.append(session)
        if avant:
            continue
        candidats = [p for p in personnes[n % 6 :: 3]
                     if services.PUBLIC_DE_CATEGORIE[p.categorie] in session.publics]  # fmt: skip
        inscrites = []
        for personne in candidats[: max(1, session.places - 2)]:
            inscrites.append(services.inscrire(
                session, personne, maintenant=min(maintenant, session.debut - timedelta(days=7))
            ))  # fmt: skip
        if session.fin > maintenant:
            continue
        for i, inscription in enumerate(inscrites):
            statut = Inscription.Statut.ABSENT if i % 5 == 4 else Inscription.Statut.PRESENT
            services.noter_presence(inscription, statut, maintenant=session.fin)
            if statut == Inscription.Statut.PRESENT:
                if i % 3 != 2:
                    services.repondre_satisfaction(inscription, 4 - i % 3 if i % 4 else 3)
                services.delivrer_attestation(inscription, maintenant=session.fin)
    inscriptions = Inscription.objects.filter(session__in=sessions).actives().count()
    return [
        f"{len(sessions)} sessions de formation de DÉMONSTRATION ({nouvelles} créée(s)), "
        f"{inscriptions} inscription(s)"
    ]
