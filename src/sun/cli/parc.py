"""`sun parc`: the IT fleet and responsible digital. Each group of actions lives in its own
module (imports, legal rates, footprint, donations, repair directory, Ecoindex)."""

from sun.cli import (
    parc_dons,
    parc_empreinte,
    parc_importer,
    parc_inventaire,
    parc_reparateurs,
    parc_sobriete,
    parc_taux,
)


def ajouter(sous) -> None:
    parc = sous.add_parser("parc", help="parc informatique : inventaire GLPI, taux légaux, "
                           "empreinte, dons, réparateurs, Ecoindex")  # fmt: skip
    actions = parc.add_subparsers(title="actions", metavar="ACTION", required=True)
    for module in (parc_importer, parc_inventaire, parc_taux, parc_empreinte, parc_dons,
                   parc_reparateurs, parc_sobriete):  # fmt: skip
        module.ajouter(actions)
