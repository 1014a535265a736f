"""`sun connectivite` actions of the imports: importer (a file of any kind, its kind and
edition recognised), editions (what is loaded), generer (synthetic files), demo."""

from sun.cli.rapport import ajouter_confirmation, lancer_import
from sun.cli.sortie import DONNEES, OK, ErreurCommande


def _date(texte: str | None):
    from datetime import date

    if not texte:
        return None
    try:
        return date.fromisoformat(texte)
    except ValueError as exc:
        raise ErreurCommande(f"Date d'édition invalide « {texte} » : AAAA-MM-JJ attendu.",
                             DONNEES) from exc  # fmt: skip


def importer(args) -> int:
    from sun.connectivite.importation.services import importer_fichier

    return lancer_import(importer_fichier, args, "Connectivité", genre=args.type,
                         edition=_date(args.edition), tous=args.tous)  # fmt: skip


def editions(args) -> int:
    from django.utils.timezone import localtime

    from sun.cli.sortie import verifier_base
    from sun.connectivite.importation.queries import editions_par_genre

    verifier_base()
    for genre, liste in editions_par_genre():
        print(f"{genre.label} ({genre.value}) :")
        if not liste:
            print("    aucune édition importée")
        for e in liste:
            perimetre = f"département {e.perimetre}" if e.perimetre else "toute la France"
            demo = " ; démonstration" if e.demonstration else ""
            print(f"    {e.date_edition:%d/%m/%Y} — {perimetre} — {e.lignes} lignes — "
                  f"importée le {localtime(e.importee_le):%d/%m/%Y %H:%M} — {e.fichier}{demo}")  # fmt: skip
    return OK


def generer(args) -> int:
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.connectivite.importation.generation import ecrire_tout

    verifier_base()
    fichiers = ecrire_tout(Path(args.sortie), args.communes)
    for chemin in fichiers:
        print(f"Écrit : {chemin}")
    print("Fichiers SYNTHÉTIQUES (chiffres inventés, en-têtes réels), pour les essais : "
          "ne les importez pas sur un site en service.")  # fmt: skip
    return OK


def demo(args) -> int:
    from sun.cli.rapport import afficher_rapport
    from sun.cli.sortie import verifier_base
    from sun.connectivite.importation.demo import charger_demo

    verifier_base()
    rapports = charger_demo()
    for rapport in rapports:
        afficher_rapport(rapport)
    print(f"Données de démonstration : {len(rapports)} fichiers importés (éditions marquées "
          "« démonstration », jamais comptées comme réelles).")  # fmt: skip
    return OK


# The values of sun.connectivite.models.Genre (the parser is built before Django starts).
GENRES = ["mci_meilleure_techno", "mci_debit_filaire", "mci_techno", "ftth", "cuivre_orange",
          "cuivre_gouv", "mobile"]  # fmt: skip


def ajouter(actions) -> None:
    p = actions.add_parser("importer", help="importe un fichier de l'Arcep ou du cuivre (type et "
                           "édition reconnus)")  # fmt: skip
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--type", choices=GENRES, help="type attendu (refusé si le fichier en est"
                   " un autre) ; sans lui, reconnu d'après l'en-tête")  # fmt: skip
    p.add_argument("--edition", metavar="AAAA-MM-JJ", help="date de l'édition (obligatoire pour "
                   "un fichier du cuivre sans date dans son nom ; vérifiée sinon)")  # fmt: skip
    p.add_argument(
        "--tous",
        action="store_true",
        help="toute la France (sans elle : les communes du département servi)",
    )
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.add_argument("--verbeux", action="store_true", help="montre tous les changements")
    ajouter_confirmation(p)
    p.set_defaults(fonction=importer)
    p = actions.add_parser("editions", help="liste les éditions importées par type de fichier")
    p.set_defaults(fonction=editions)
    p = actions.add_parser("generer", help="écrit des fichiers synthétiques aux en-têtes réels")
    p.add_argument("--sortie", metavar="DOSSIER", required=True)
    p.add_argument("--communes", type=int, default=None,
                   help="nombre de communes (défaut : celles du territoire chargé)")  # fmt: skip
    p.set_defaults(fonction=generer)
    p = actions.add_parser("demo", help="charge les données de démonstration (département servi)")
    p.set_defaults(fonction=demo)
