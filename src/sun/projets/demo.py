"""Demonstration content of the projects app (generated, marked `demonstration`, never
counted), gathered from its wings."""


def charger_tout() -> list[str]:
    """Every wing's demonstration content, in order (requests before the panel's
    consultations about them); the French lines to print."""
    from sun.projets.appels.demo import creer_demo as appels
    from sun.projets.besoins.demo import creer_demo as besoins
    from sun.projets.demandes.demo import creer_demo as demandes
    from sun.projets.panels.demo import creer_demo as panels

    lignes: list[str] = []
    for creer in (demandes, besoins, panels, appels):
        lignes.extend(creer())
    return lignes
