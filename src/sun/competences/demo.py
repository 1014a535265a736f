"""Demonstration organisation (generated, marked `demonstration`, never counted): directions
and people that the wings' demonstration content uses."""

from sun.competences.models import Direction, Personne

DIRECTIONS_DEMO = (
    ("demo-solidarites", "Direction des solidarités (démonstration)", "DSOL"),
    ("demo-routes", "Direction des routes et des mobilités (démonstration)", "DRM"),
    ("demo-education", "Direction de l'éducation et des collèges (démonstration)", "DEC"),
    ("demo-numerique", "Direction du numérique (démonstration)", "DNUM"),
    ("demo-culture", "Direction de la culture et du patrimoine (démonstration)", "DCP"),
    ("demo-ressources", "Direction des ressources humaines (démonstration)", "DRH"),
)
PRENOMS = ("Camille", "Dominique", "Claude", "Alix", "Sacha", "Morgan", "Lou", "Noa")


def directions_demo() -> list[Direction]:
    """The demonstration directions, created if missing."""
    return [
        Direction.objects.get_or_create(
            code=code, defaults={"nom": nom, "sigle": sigle, "demonstration": True}
        )[0]
        for code, nom, sigle in DIRECTIONS_DEMO
    ]


def personnes_demo(par_direction: int = 8) -> list[Personne]:
    """`par_direction` demonstration agents per demonstration direction (the first of each is
    the manager of the others), created if missing."""
    personnes = []
    for d, direction in enumerate(directions_demo()):
        encadrant = None
        for i in range(par_direction):
            personne, _ = Personne.objects.get_or_create(
                nom=f"Démo {direction.sigle}-{i + 1}", prenom=PRENOMS[(d + i) % len(PRENOMS)],
                direction=direction, demonstration=True,
                defaults={
                    "categorie": Personne.Categorie.ENCADRANT if i == 0 else Personne.Categorie.AGENT,
                    "responsable": encadrant,
                },
            )  # fmt: skip
            encadrant = encadrant or personne
            personnes.append(personne)
    return personnes


def charger_tout() -> list[str]:
    """Every wing's demonstration content, in order (sessions before the diagnoses, which
    propose them); the French lines to print."""
    from sun.competences.diagnostic.demo import creer_demo as diagnostics
    from sun.competences.formations.demo import creer_demo as formations
    from sun.competences.referents.demo import creer_demo as referents

    personnes = personnes_demo()
    lignes = [f"{len(DIRECTIONS_DEMO)} directions et {len(personnes)} agents de DÉMONSTRATION."]
    for creer in (formations, diagnostics, referents):
        lignes.extend(creer())
    return lignes
