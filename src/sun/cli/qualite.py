"""`sun telephonie …`: call records of the call distributors (import, template, generated
exports). Each wing of the quality app adds its own command here through `ajouter(sous)`:
one function per command group (`_telephonie`, and room for others such as `sun avis …`)."""

from pathlib import Path

from sun.cli.rapport import ajouter_confirmation, lancer_import
from sun.cli.sortie import DONNEES, OK, ErreurCommande


# --- sun telephonie ---------------------------------------------------------------------------
def telephonie_importer(args) -> int:
    from sun.core.imports import CorrespondanceInvalide
    from sun.qualite.telephonie.importation.services import importer_appels

    try:
        return lancer_import(importer_appels, args, "Appels", correspondance=args.correspondance,
                             source=args.source or "")  # fmt: skip
    except CorrespondanceInvalide as exc:  # raised before the pipeline: a mapping by name
        raise ErreurCommande(f"{exc} Rien n'a été enregistré.", DONNEES) from exc


def telephonie_modele(args) -> int:
    from sun.qualite.telephonie.importation.modele import ecrire_modele

    print(f"Modèle écrit : {ecrire_modele(Path(args.fichier))}")
    return OK


def telephonie_correspondances(args) -> int:
    from sun.qualite.telephonie.importation.correspondances import DOSSIER, livrees

    for nom, libelle in livrees().items():
        print(f"{nom:<16} {libelle}")
    print(f"Fichiers : {DOSSIER}")
    return OK


def telephonie_generer(args) -> int:
    from datetime import date, timedelta

    from sun.qualite.telephonie import generation

    fin = date.fromisoformat(args.fin) if args.fin else date.today() - timedelta(days=1)
    debut = fin - timedelta(days=args.jours - 1)
    profils = generation.profils_pour(args.appels, args.jours, args.files)
    n = generation.ecrire(Path(args.fichier), generation.appels(profils, debut, fin),
                          args.disposition, limite=args.appels)  # fmt: skip
    print(f"{n} appels générés ({args.disposition}, du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}) : "
          f"{args.fichier}. Données de démonstration, aucun appel réel.")  # fmt: skip
    return OK


def _telephonie(sous) -> None:
    telephonie = sous.add_parser(
        "telephonie", help="téléphonie : relevés d'appels des standards et distributeurs d'appels"
    )
    ts = telephonie.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = ts.add_parser("importer", help="importe un relevé d'appels (Asterisk, Webex Calling, "
                      "modèle SUN ou tout export décrit par une correspondance)")  # fmt: skip
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--correspondance", metavar="NOM_OU_CHEMIN",
                   help="disposition livrée (asterisk-cdr, webex-calling, modele-sun) ou fichier "
                   "YAML ; sans elle, SUN reconnaît les dispositions livrées")  # fmt: skip
    p.add_argument("--source", metavar="NOM", help="nom de la source (défaut : celui de la "
                   "correspondance) ; la clé d'un appel est source + identifiant")  # fmt: skip
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.add_argument("--verbeux", action="store_true", help="montre tous les changements")
    ajouter_confirmation(p)
    p.set_defaults(fonction=telephonie_importer)
    p = ts.add_parser("modele", help="écrit le modèle CSV des appels de SUN (en-tête et exemple)")
    p.add_argument("fichier", metavar="FICHIER", nargs="?", default="modele-appels.csv")
    p.set_defaults(fonction=telephonie_modele)
    p = ts.add_parser("correspondances", help="liste les dispositions livrées avec SUN")
    p.set_defaults(fonction=telephonie_correspondances)
    p = ts.add_parser("generer", help="écrit un relevé d'appels généré (démonstration, essais)")
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--appels", type=int, default=10_000, help="nombre d'appels (défaut 10 000)")
    p.add_argument("--jours", type=int, default=365, help="jours couverts (défaut 365)")
    p.add_argument("--files", type=int, default=8, help="files d'attente (défaut 8)")
    p.add_argument("--fin", metavar="AAAA-MM-JJ", help="dernier jour (défaut : hier)")
    p.add_argument("--disposition", default="asterisk-cdr",
                   choices=["asterisk-cdr", "webex-calling", "modele-sun"])  # fmt: skip
    p.set_defaults(fonction=telephonie_generer)


def ajouter(sous) -> None:
    """Add the commands of the quality app: `telephonie` (and, later, the other wings')."""
    _telephonie(sous)
