"""`sun inclusion`: digital inclusion data (fragility index, CRA v1 aggregates, activities)."""

from sun.cli.rapport import afficher_rapport, ajouter_confirmation, lancer_import
from sun.cli.sortie import DONNEES, OK, USAGE, ErreurCommande, verifier_base


def ifn_importer(args) -> int:
    from sun.inclusion.analyses.ifn import importer

    return lancer_import(importer, args, "Indice de fragilité")


def cra_v1_importer(args) -> int:
    from sun.inclusion.activites.cra_v1 import importer

    return lancer_import(importer, args, "Bilans CRA v1")


def activites_importer(args) -> int:
    from sun.inclusion.activites.importation import importer

    return lancer_import(importer, args, "Activités")


def activites_coop(args) -> int:
    from datetime import datetime, time

    from django.utils import timezone

    from sun.core.imports import ImportImpossible
    from sun.inclusion.activites.coop_api import CoopInjoignable, recuperer

    verifier_base()
    depuis = None
    if args.depuis:
        try:
            jour = datetime.strptime(args.depuis, "%Y-%m-%d").date()
        except ValueError as exc:
            raise ErreurCommande("--depuis attend une date AAAA-MM-JJ.", USAGE) from exc
        depuis = timezone.make_aware(datetime.combine(jour, time.min))
    try:
        rapport, pages = recuperer(depuis, essai=args.essai)
    except CoopInjoignable as exc:
        raise ErreurCommande(f"{exc} Rien n'a été enregistré.", DONNEES) from exc
    except ImportImpossible as exc:
        raise ErreurCommande(
            f"Réponse de La Coop refusée : {exc} Rien n'a été enregistré.", DONNEES
        ) from exc
    print(f"La Coop : {pages} page(s) lue(s).")
    afficher_rapport(rapport, verbeux=args.verbeux)
    return OK


def _importer_parser(parent, aide: str, fichier: str, fonction):
    """`… importer FICHIER [--essai] [--verbeux]` under `parent`; returns its actions."""
    actions = parent.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = actions.add_parser("importer", help=aide)
    p.add_argument("fichier", metavar=fichier)
    _options_d_import(p)
    p.set_defaults(fonction=fonction)
    return actions


def _options_d_import(p) -> None:
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.add_argument("--verbeux", action="store_true",
                   help="montre tous les changements et valeurs signalées (jusqu'à 200)")  # fmt: skip
    ajouter_confirmation(p)


def ajouter(sous) -> None:
    """Add `inclusion ifn|cra-v1|activites …` to the sub-commands `sous`."""
    inclusion = sous.add_parser("inclusion", help="données de l'inclusion numérique")
    ins = inclusion.add_subparsers(title="données", metavar="DONNEES", required=True)
    ifn = ins.add_parser("ifn", help="indice de fragilité numérique (La MedNum)")
    _importer_parser(ifn, "importe le fichier par commune ou par EPCI (format de l'ANCT)",
                     "FICHIER", ifn_importer)  # fmt: skip
    cra = ins.add_parser(
        "cra-v1", help="bilans des comptes rendus d'activité v1 des conseillers numériques"
    )
    _importer_parser(cra, "importe conum_departement-cras.json (tableau de bord FNE de l'ANCT)",
                     "FICHIER.json", cra_v1_importer)  # fmt: skip
    act = ins.add_parser("activites", help="activités de médiation numérique (comptes rendus)")
    acs = _importer_parser(
        act, "importe un JSON de l'API de La Coop (/api/v1/activites) ou le modèle CSV",
        "FICHIER", activites_importer,
    )  # fmt: skip
    p = acs.add_parser(
        "coop",
        help="récupère les activités depuis l'API de La Coop (SUN_COOP_API_URL, SUN_COOP_API_CLE)",
    )
    p.add_argument(
        "--depuis", metavar="AAAA-MM-JJ", help="seulement les activités modifiées depuis cette date"
    )
    _options_d_import(p)
    p.set_defaults(fonction=activites_coop)
