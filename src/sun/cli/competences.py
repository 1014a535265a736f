"""`sun competences`: training, the skills diagnosis and the referents. Each group of actions
lives in its own module."""

from sun.cli import (
    competences_diagnostic,
    competences_formations,
    competences_organisation,
    competences_referents,
)


def ajouter(sous) -> None:
    competences = sous.add_parser("competences", help="formations des agents et des élus, "
                                  "diagnostic de compétences, référents numériques")  # fmt: skip
    actions = competences.add_subparsers(title="actions", metavar="ACTION", required=True)
    for module in (competences_formations, competences_organisation, competences_diagnostic,
                   competences_referents):  # fmt: skip
        module.ajouter(actions)
