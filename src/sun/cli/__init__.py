"""The `sun` command: everything an operator does, in French, with reliable exit codes.

One module per domain holds its sub-commands and their handlers; `sortie` holds the exit
codes (0 success; 1 unexpected error; 2 wrong usage, a malformed setting included; 3 invalid or
unreadable data; 4 database unreachable; 5 database read-only; 130 interrupted) and the French
error reporting.
"""

import argparse

from sun.cli import (
    accessibilite,
    competences,
    comptes,
    connectivite,
    demo,
    donnees,
    francais,
    inclusion,
    lieux,
    parc,
    pilotage,
    projets,
    qualite,
    qualite_avis,
    qualite_engagements,
    relation,
    serveur,
    territoire,
)
from sun.cli.sortie import (
    BASE,
    DONNEES,
    ERREUR,
    INTERROMPU,
    LECTURE_SEULE,
    OK,
    USAGE,
    ErreurCommande,
    demarrer_django,
    executer,
)

__all__ = [
    "BASE",
    "DONNEES",
    "ERREUR",
    "INTERROMPU",
    "LECTURE_SEULE",
    "OK",
    "USAGE",
    "ErreurCommande",
    "construire_parser",
    "main",
]


def construire_parser() -> argparse.ArgumentParser:
    francais.installer()
    parser = argparse.ArgumentParser(
        prog="sun",
        description="SUN : plateforme du Schéma des usages du numérique d'un département.",
        epilog=(
            "Codes de sortie :\n"
            "  0 succès\n  1 erreur inattendue\n"
            "  2 mauvaise utilisation (ou réglage illisible, comme DATABASE_URL)\n"
            "  3 données invalides ou illisibles\n  4 base de données injoignable\n"
            "  5 base de données en lecture seule\n  130 interruption (Ctrl+C)\n\n"
            "Aide d'une commande : sun COMMANDE --help"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sous = parser.add_subparsers(title="commandes", metavar="COMMANDE", required=True)
    # The order of the calls is the order of the commands in `sun --help`.
    serveur.ajouter(sous)
    territoire.ajouter(sous)
    lieux.ajouter(sous)
    comptes.ajouter(sous)
    pilotage.ajouter(sous)
    inclusion.ajouter(sous)
    pilotage.ajouter_indicateurs(sous)
    relation.ajouter(sous)
    qualite.ajouter(sous)
    qualite_engagements.ajouter(sous)
    qualite_avis.ajouter(sous)
    accessibilite.ajouter(sous)
    connectivite.ajouter(sous)
    parc.ajouter(sous)
    donnees.ajouter(sous)
    competences.ajouter(sous)
    projets.ajouter(sous)
    demo.ajouter(sous)
    serveur.ajouter_django(sous)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = construire_parser().parse_args(argv)
    # Django starts inside `executer`: a malformed setting is one French line, exit code 2.
    demarrage = executer(lambda _args: demarrer_django() or OK, args)
    if demarrage != OK:
        return demarrage
    return executer(args.fonction, args)
