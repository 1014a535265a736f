"""`sun avis`: users' satisfaction, « Je donne mon avis » (import of the State's exports)."""

from sun.cli.sortie import DONNEES, ErreurCommande, verifier_base


def importer(args) -> int:
    from sun.cli.rapport import lancer_import
    from sun.qualite.satisfaction.importation import importer_avis
    from sun.relation.models import Demarche, ServiceInstructeur

    verifier_base()
    options = {}
    if args.demarche:
        options["demarche"] = (
            Demarche.objects.select_related("service").filter(slug=args.demarche).first()
        )
        if options["demarche"] is None:
            raise ErreurCommande(f"Démarche inconnue : « {args.demarche} ».", DONNEES)
    if args.service:
        options["service"] = ServiceInstructeur.objects.filter(code=args.service).first()
        if options["service"] is None:
            raise ErreurCommande(f"Service inconnu : « {args.service} ».", DONNEES)
    return lancer_import(importer_avis, args, "Avis", **options)


def ajouter(sous) -> None:
    from sun.cli.rapport import ajouter_confirmation

    avis = sous.add_parser(
        "avis", help="avis des usagers : import des exports « Je donne mon avis »"
    )
    actions = avis.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = actions.add_parser(
        "importer",
        help="importe un export CSV de « Je donne mon avis » (idempotent sur « Identifiant "
        "Avis » ; commentaires masqués, à modérer)",
    )
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--essai", "--dry-run", action="store_true", help="n'enregistre rien")
    p.add_argument("--verbeux", action="store_true", help="affiche toutes les lignes refusées")
    cible = p.add_mutually_exclusive_group()
    cible.add_argument("--demarche", metavar="SLUG", help="démarche du catalogue de ces avis")
    cible.add_argument("--service", metavar="CODE", help="service de ces avis")
    ajouter_confirmation(p)
    p.set_defaults(fonction=importer)
