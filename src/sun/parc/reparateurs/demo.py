"""Demonstration actors of the repair directory: eight fictitious workshops, repair cafés and
refurbishers in the most populous communes of the served département, marked
`demonstration` (labelled on every page, never counted in an indicator)."""

from django.conf import settings

from sun.parc.models import Reparateur
from sun.parc.reparateurs.services import creer_reparateur

# (name, activities, labels, hours, for residents, for public bodies, description)
ACTEURS = (
    ("Atelier Rebond", ["reparation", "reconditionnement", "vente"], ["QualiRépar"],
     "Tu-Sa 09:00-12:00,14:00-18:00", True, True,
     "Réparation d'ordinateurs et de téléphones, vente de matériel reconditionné garanti."),
    ("Repair café du centre", ["repair_cafe"], [], "Sa 14:00-17:00", True, False,
     "Un samedi après-midi d'entraide : apportez votre appareil, des bénévoles vous aident."),
    ("Recyclerie numérique solidaire", ["atelier_ess", "reconditionnement", "collecte", "vente"],
     ["ESUS"], "Mo-Fr 08:30-12:00,13:30-17:00", True, True,
     "Atelier d'insertion : collecte du matériel des entreprises et des collectivités, "
     "effacement certifié, reconditionnement et vente à petit prix."),
    ("Clinique du smartphone", ["reparation"], ["QualiRépar"], "Mo-Sa 10:00-19:00", True, False,
     "Écrans, batteries et connecteurs de téléphones et tablettes, bonus réparation."),
    ("Informatique Réemploi Services", ["reconditionnement", "collecte"], [],
     "Mo-Fr 09:00-17:00", False, True,
     "Reprise et reconditionnement de parcs informatiques pour les collectivités."),
    ("Repair café des quartiers", ["repair_cafe"], ["Répar'acteurs"], "We 14:00-18:00", True,
     False, "Chaque mercredi, réparation collective et conseils pour faire durer ses appareils."),
    ("Le Fil réparé", ["reparation", "vente"], [], "Tu-Fr 09:30-12:30,14:00-18:30; Sa 09:30-12:30",
     True, False, "Petit électroménager et informatique : diagnostic, devis, réparation."),
    ("Atelier partagé du numérique", ["atelier_ess", "repair_cafe"], ["ESUS"],
     "Th 14:00-18:00", True, True,
     "Atelier associatif : réparer ensemble, installer Linux sur les ordinateurs réformés."),
)  # fmt: skip


def _communes(nombre: int) -> list[str]:
    from sun.territoire.models import Commune

    communes = (Commune.objects.du_departement(settings.SUN_DEPARTEMENT)
                .exclude(latitude=None).sans_geometrie()
                .order_by("-population_municipale", "nom").values_list("code_insee", flat=True))  # fmt: skip
    return list(communes[:nombre])


def creer_demo() -> int:
    """Create the demonstration actors not yet there; returns how many were created (0 when
    the territory is not loaded)."""
    communes = _communes(len(ACTEURS))
    if not communes:
        return 0
    existants = set(Reparateur.objects.filter(demonstration=True).values_list("nom", flat=True))
    crees = 0
    for rang, (nom, activites, labels, horaires, particuliers, collectivites, texte) in enumerate(
        ACTEURS
    ):
        if nom in existants:
            continue
        creer_reparateur({
            "nom": nom, "activites": activites, "labels": labels, "horaires": horaires,
            "pour_particuliers": particuliers, "pour_collectivites": collectivites,
            "description": f"Acteur fictif de démonstration. {texte}",
            "adresse": f"{rang + 1} place de la Mairie", "commune": communes[rang % len(communes)],
            "telephone": f"04 00 00 00 {rang + 10:02d}",
        }, demonstration=True)  # fmt: skip
        crees += 1
    return crees
