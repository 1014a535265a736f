"""`sun qualite engagements charger`: load (or update) the commitments of the Services
Publics+ programme from the reference file shipped with SUN. Running it again changes nothing."""

import argparse
import sys
from pathlib import Path

from sun.cli.sortie import DONNEES, OK, verifier_base


def charger(args) -> int:
    from sun.qualite.engagements.referentiel import ReferentielInvalide, charger_engagements

    verifier_base()
    try:
        rapport = charger_engagements(Path(args.fichier) if args.fichier else None)
    except ReferentielInvalide as exc:
        print("Référentiel refusé, rien n'a été enregistré :", file=sys.stderr)
        for erreur in exc.erreurs:
            print(f"  - {erreur}", file=sys.stderr)
        return DONNEES
    print("\n".join(rapport.lignes()))
    return OK


def _sous_commandes(parser: argparse.ArgumentParser, **options):
    """The sub-commands of `parser`, created if it has none yet."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(**options)


def ajouter(sous) -> None:
    """Add `engagements` under `sun qualite` (created here if the other wings did not)."""
    qualite = sous.choices.get("qualite") or sous.add_parser(
        "qualite", help="qualité de service : téléphone, satisfaction, Services Publics+"
    )
    domaines = _sous_commandes(qualite, title="domaines", metavar="DOMAINE", required=True)
    engagements = domaines.add_parser(
        "engagements", help="engagements Services Publics+ (référentiel du programme)"
    )
    es = engagements.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = es.add_parser("charger", help="charge ou met à jour les 8 engagements du programme "
                      "(juillet 2024) ; sans effet s'ils sont à jour")  # fmt: skip
    p.add_argument("--fichier", metavar="FICHIER",
                   help="autre référentiel YAML (par défaut, celui livré avec SUN)")  # fmt: skip
    p.set_defaults(fonction=charger)
