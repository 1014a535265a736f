"""`sun donnees`: the public data service. Each group of actions lives in its own module
(catalogue, schema checks, feeds and data.gouv.fr, inventory, retention)."""

from sun.cli import (
    donnees_catalogue,
    donnees_conservation,
    donnees_flux,
    donnees_inventaire,
    donnees_validation,
)


def ajouter(sous) -> None:
    donnees = sous.add_parser("donnees", help="service public de la donnée : catalogue, "
                              "schémas, flux DCAT, inventaire, conservation")  # fmt: skip
    actions = donnees.add_subparsers(title="actions", metavar="ACTION", required=True)
    for module in (donnees_catalogue, donnees_validation, donnees_flux, donnees_inventaire,
                   donnees_conservation):  # fmt: skip
        module.ajouter(actions)
