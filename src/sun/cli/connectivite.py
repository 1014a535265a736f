"""`sun connectivite`: fibre, copper switch-off and mobile coverage per commune. Each group of
actions lives in its own module (imports, commune sheets, commune accounts)."""

from sun.cli import connectivite_comptes, connectivite_fiches, connectivite_importer


def ajouter(sous) -> None:
    con = sous.add_parser("connectivite", help="connectivité : fichiers de l'Arcep et du cuivre, "
                          "fiches des communes, comptes des communes")  # fmt: skip
    actions = con.add_subparsers(title="actions", metavar="ACTION", required=True)
    connectivite_importer.ajouter(actions)
    connectivite_fiches.ajouter(actions)
    connectivite_comptes.ajouter(actions)
