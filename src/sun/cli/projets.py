"""`sun projets`: needs, requests on the tools, panels, calls for projects and funding. Each
group of actions lives in its own module."""

from sun.cli import (
    projets_appels,
    projets_besoins,
    projets_demandes,
    projets_panels,
    projets_statistiques,
)


def ajouter(sous) -> None:
    projets = sous.add_parser("projets", help="besoins, demandes sur les outils, panels "
                              "d'utilisateurs, appels à projets et financements")  # fmt: skip
    actions = projets.add_subparsers(title="actions", metavar="ACTION", required=True)
    for module in (projets_besoins, projets_demandes, projets_statistiques, projets_panels,
                   projets_appels):  # fmt: skip
        module.ajouter(actions)
