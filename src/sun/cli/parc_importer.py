"""`sun parc` actions of the wing « importer »: importer (a GLPI export or SUN's template, its
layout recognised from the header; --modele writes the template), generer-glpi (a synthetic
GLPI export written as GLPI writes it), correspondances (the shipped layouts)."""

from sun.cli.rapport import ajouter_confirmation, lancer_import
from sun.cli.sortie import OK, USAGE, ErreurCommande


def importer(args) -> int:
    from pathlib import Path

    if args.modele:
        from sun.parc.importation.champs import CHAMPS
        from sun.parc.importation.modele import ecrire_modele

        chemin = ecrire_modele(Path(args.modele))
        print(f"Modèle écrit : {chemin} (trois lignes d'exemple, inventées, à remplacer).")
        for colonne, sens in CHAMPS.items():
            print(f"  {colonne} : {sens}")
        return OK
    if not args.fichier:
        raise ErreurCommande("Donnez le fichier à importer (ou --modele FICHIER pour écrire le "
                             "modèle CSV).", USAGE)  # fmt: skip
    from sun.parc.importation.services import importer_inventaire

    return lancer_import(importer_inventaire, args, "Inventaire",
                         correspondance=args.correspondance or None, source=args.source or "",
                         types_inconnus=args.types_inconnus)  # fmt: skip


def generer_glpi(args) -> int:
    from pathlib import Path

    from sun.parc.importation.generation import ecrire_glpi

    if args.lignes < 1:
        raise ErreurCommande("--lignes : au moins une ligne.", USAGE)
    chemin = ecrire_glpi(Path(args.sortie), args.lignes, graine=args.graine)
    print(f"Écrit : {chemin} ({args.lignes} ordinateurs)")
    print("Export GLPI SYNTHÉTIQUE (valeurs inventées, format réel) pour les essais : ne "
          "l'importez pas sur un site en service.")  # fmt: skip
    return OK


def correspondances(args) -> int:
    from sun.parc.importation.dispositions import DOSSIER, livrees

    for nom, libelle in livrees().items():
        print(f"{nom:<12} {libelle}")
    print(f"Fichiers : {DOSSIER}")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
    p = actions.add_parser("importer", help="importe un inventaire : export CSV de GLPI (français "
                           "ou anglais) ou modèle CSV de SUN")  # fmt: skip
    p.add_argument("fichier", metavar="FICHIER", nargs="?")
    p.add_argument("--modele", metavar="FICHIER", help="écrit le modèle CSV de SUN (en-tête et "
                   "exemples) au lieu d'importer")  # fmt: skip
    p.add_argument("--correspondance", metavar="NOM|FICHIER.yaml", help="glpi-fr, glpi-en, "
                   "modele-sun ou un fichier de correspondance ; sans elle, reconnue d'après "
                   "l'en-tête")  # fmt: skip
    p.add_argument("--source", help="nom de la source (défaut : celui de la disposition, GLPI) ; "
                   "un équipement est reconnu par sa source et son numéro")  # fmt: skip
    p.add_argument("--types-inconnus", choices=["refuser", "autre"], default="refuser",
                   help="autre : classe les types inconnus en « autre » au lieu de refuser "
                   "leurs lignes (défaut : refuser)")  # fmt: skip
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.add_argument("--verbeux", action="store_true", help="montre tous les changements")
    ajouter_confirmation(p)
    p.set_defaults(fonction=importer)
    p = actions.add_parser("generer-glpi", help="écrit un export GLPI synthétique (essais, "
                           "banc d'essai)")  # fmt: skip
    p.add_argument("--lignes", type=int, default=1000, help="nombre d'ordinateurs (défaut 1000)")
    p.add_argument("--sortie", metavar="FICHIER", required=True)
    p.add_argument("--graine", type=int, default=18, help="graine du tirage (même graine, même "
                   "fichier)")  # fmt: skip
    p.set_defaults(fonction=generer_glpi)
    p = actions.add_parser("correspondances", help="liste les dispositions d'inventaire livrées")
    p.set_defaults(fonction=correspondances)
