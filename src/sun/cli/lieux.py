"""`sun lieux`: the register of digital inclusion places (import, duplicates, export)."""

from sun.cli.rapport import ajouter_confirmation, lancer_import
from sun.cli.sortie import OK, verifier_base


def lieux_importer(args) -> int:
    from pathlib import Path

    from sun.inclusion.lieux.importation import correspondance
    from sun.inclusion.lieux.services import importer_lieux

    def importer(chemin, **options):
        mapping = correspondance.charger(Path(args.correspondance)) if args.correspondance else None
        return importer_lieux(chemin, args.source or "", partiel=args.partiel, mapping=mapping,
                              **options)  # fmt: skip

    return lancer_import(importer, args, "Lieux")


def lieux_dedupliquer(args) -> int:
    from django.db import transaction

    from sun.inclusion.lieux.services import detecter_doublons

    verifier_base()
    with transaction.atomic():
        fusions, a_revoir = detecter_doublons()
    print(
        f"Doublons fusionnés : {fusions} ; nouvelles paires à examiner dans l'espace agents : {a_revoir}."
    )
    return OK


def lieux_exporter(args) -> int:
    import json
    import sys as _sys

    from sun.inclusion.lieux import exports

    verifier_base()
    producteurs = {
        "csv": exports.csv_standard,
        "json": exports.json_standard,
        "geojson": exports.geojson,
    }
    if args.format in producteurs:
        morceaux = producteurs[args.format]()
    else:
        structures, services = (
            exports.data_inclusion_structures(),
            exports.data_inclusion_services(),
        )
        morceaux = [
            json.dumps({"structures": structures, "services": services}, ensure_ascii=False)
        ]
    extension = "json" if args.format == "data-inclusion" else args.format
    chemin = args.sortie or exports.nom_fichier(extension)
    if chemin == "-":
        for morceau in morceaux:
            _sys.stdout.write(morceau)
        return OK
    with open(chemin, "w", encoding="utf-8", newline="") as fichier:
        for morceau in morceaux:
            fichier.write(morceau)
    print(
        f"Export écrit : {chemin} ({exports.lieux_publies().count()} lieux publiés ; "
        f"{exports.lieux_incomplets().count()} lieux incomplets non publiés)"
    )
    return OK


def ajouter(sous) -> None:
    """Add `lieux importer|dedupliquer|exporter` to the sub-commands `sous`."""
    lieux = sous.add_parser("lieux", help="registre des lieux de médiation numérique")
    ls = lieux.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ls.add_parser(
        "importer",
        help="importe un fichier (standard v1 ou v0.1, CSV ou JSON, ou toute source décrite par une correspondance)",
    )
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument(
        "--source", help="nom de la source (ex. « Cartographie nationale », « Hub Occitanie »)"
    )
    p.add_argument(
        "--correspondance", metavar="FICHIER.yaml", help="fichier de correspondance de la source"
    )
    p.add_argument(
        "--dry-run",
        "--essai",
        dest="essai",
        action="store_true",
        help="montre ce qui changerait, sans rien enregistrer",
    )
    p.add_argument(
        "--partiel",
        action="store_true",
        help="le fichier ne contient qu'une partie de la source : ne ferme pas les lieux absents",
    )
    p.add_argument(
        "--verbeux", action="store_true", help="affiche les premières valeurs corrigées ou écartées"
    )
    ajouter_confirmation(p)
    p.set_defaults(fonction=lieux_importer)
    p = ls.add_parser(
        "dedupliquer",
        help="compare tous les lieux : fusionne les doublons sûrs, met les autres en attente",
    )
    p.set_defaults(fonction=lieux_dedupliquer)
    p = ls.add_parser(
        "exporter", help="exporte les lieux publiés (standard v1, GeoJSON, data·inclusion)"
    )
    p.add_argument("--format", choices=["csv", "json", "geojson", "data-inclusion"], default="csv")
    p.add_argument(
        "--sortie",
        metavar="FICHIER",
        help="fichier à écrire (« - » : sortie standard ; défaut : nom recommandé par le standard)",
    )
    p.set_defaults(fonction=lieux_exporter)
