"""`sun relation`: the catalogue of démarches, the legal deadlines of requests, imports of
requests from the tools already in use, and the purge of contacts past their retention."""

import sys
from pathlib import Path

from sun.cli.sortie import DONNEES, OK, verifier_base


def demarches_importer(args) -> int:
    from sun.relation.catalogue.fichier import CatalogueInvalide
    from sun.relation.catalogue.services import charger

    verifier_base()
    try:
        rapport = charger(Path(args.fichier))
    except CatalogueInvalide as exc:
        print(f"Catalogue refusé, rien n'a été enregistré : {exc}", file=sys.stderr)
        for erreur in exc.erreurs:
            print(f"  - {erreur}", file=sys.stderr)
        return DONNEES
    print("\n".join(rapport.lignes()))
    return OK


def echeances(args) -> int:
    from django.utils import timezone

    from sun.relation.registre.echeances import relancer

    verifier_base()
    envois = relancer(timezone.localdate(), envoyer=not args.essai)
    for e in envois:
        print(f"  {e.service.nom} : {e.ligne()}")
    total = sum(len(e.demandes) for e in envois)
    titre = "ESSAI, rien n'a été envoyé : " if args.essai else ""
    print(f"{titre}{total} demande(s) à échéance dans {len(envois)} service(s).")
    return DONNEES if any(e.echec for e in envois) else OK


def purger(args) -> int:
    from django.utils import timezone

    from sun.relation.registre.conservation import purger_contacts

    verifier_base()
    n = purger_contacts(timezone.localdate(), essai=args.essai)
    print(f"{'ESSAI : ' if args.essai else ''}{n} contact(s) effacé(s) (demandes closes depuis "
          "plus que la durée de conservation).")  # fmt: skip
    return OK


def ajouter(sous) -> None:
    relation = sous.add_parser(
        "relation", help="relation aux usagers : démarches, demandes, délais légaux"
    )
    rs = relation.add_subparsers(title="domaines", metavar="DOMAINE", required=True)
    demarches = rs.add_parser("demarches", help="catalogue des démarches")
    ds = demarches.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ds.add_parser("importer", help="charge un catalogue (YAML ou CSV) ; refusé entier, "
                      "erreurs listées, s'il a des erreurs")  # fmt: skip
    p.add_argument("fichier", metavar="FICHIER")
    p.set_defaults(fonction=demarches_importer)
    p = rs.add_parser("echeances", help="écrit à chaque service ses demandes dont la décision "
                      "implicite tombe dans 15 ou 7 jours, une fois par échéance (chaque jour)")  # fmt: skip
    p.add_argument("--essai", action="store_true", help="affiche sans envoyer")
    p.set_defaults(fonction=echeances)
    p = rs.add_parser("purger", help="efface les coordonnées des personnes dont les demandes "
                      "sont closes depuis plus de SUN_RELATION_CONSERVATION_ANS ans")  # fmt: skip
    p.add_argument("--essai", action="store_true", help="compte sans effacer")
    p.set_defaults(fonction=purger)
    _ajouter_imports_demandes(rs)


def demandes_importer(args) -> int:
    from datetime import date

    from sun.cli.rapport import afficher_rapport, barre_de_progression, erreur_d_import
    from sun.cli.sortie import ErreurCommande
    from sun.core.imports import ImportImpossible
    from sun.relation.importation.services import importer_demandes

    verifier_base()
    try:
        depuis = date.fromisoformat(args.depuis) if args.depuis else None
    except ValueError as exc:
        raise ErreurCommande("--depuis attend une date AAAA-MM-JJ.", DONNEES) from exc
    chemin = lambda v: Path(v) if v else None  # noqa: E731
    try:
        with barre_de_progression("Demandes") as progression:
            rapport = importer_demandes(
                args.source, fichier=chemin(args.fichier), demarche=args.demarche,
                numero_ds=args.numero_ds, formulaire=args.formulaire, depuis=depuis,
                statuts=chemin(args.statuts), correspondance=chemin(args.correspondance),
                essai=args.essai, confirmer=args.confirmer, progression=progression,
            )  # fmt: skip
    except ImportImpossible as exc:
        raise ErreurCommande(erreur_d_import(exc), DONNEES) from exc
    afficher_rapport(rapport, verbeux=args.verbeux)
    return OK


def demandes_modele(args) -> int:
    from sun.relation.importation.modele import ecrire_modele

    print(f"Modèle écrit : {ecrire_modele(Path(args.fichier))}")
    return OK


def _ajouter_imports_demandes(rs) -> None:
    from sun.cli.rapport import ajouter_confirmation

    demandes = rs.add_parser("demandes", help="demandes venues des outils en usage")
    das = demandes.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = das.add_parser("importer", help="importe les demandes de Démarches Simplifiées, de "
                       "Publik (w.c.s.) ou d'un fichier au modèle CSV de SUN")  # fmt: skip
    p.add_argument("--source", required=True, choices=["ds", "publik", "csv"])
    p.add_argument("fichier", metavar="FICHIER", nargs="?",
                   help="export DS (CSV/XLSX), export CSV w.c.s. ou fichier au modèle")  # fmt: skip
    p.add_argument("--demarche", metavar="CODE", help="démarche du catalogue de SUN")
    p.add_argument("--numero-ds", type=int, metavar="N", help="numéro de la démarche DS")
    p.add_argument("--formulaire", metavar="SLUG", help="formulaire Publik (w.c.s.)")
    p.add_argument("--depuis", metavar="AAAA-MM-JJ", help="seulement ce qui a changé depuis")
    p.add_argument("--statuts", metavar="FICHIER.yaml",
                   help="Publik : table « nom du statut: statut SUN »")  # fmt: skip
    p.add_argument("--correspondance", metavar="FICHIER.yaml",
                   help="CSV : colonnes autrement nommées que le modèle")  # fmt: skip
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.add_argument("--verbeux", action="store_true", help="montre tous les changements")
    ajouter_confirmation(p)
    p.set_defaults(fonction=demandes_importer)
    p = das.add_parser("modele", help="écrit le modèle CSV des demandes (en-tête et exemple)")
    p.add_argument("fichier", metavar="FICHIER", nargs="?", default="modele-demandes.csv")
    p.set_defaults(fonction=demandes_modele)
