"""`sun parc` actions of the wing « reparateurs »: `sun parc reparateurs importer F
[--essai]` (the directory from a CSV in SUN's template), `modele F` (writes the template),
`demo` (demonstration actors of the served département)."""

from sun.cli.rapport import ajouter_confirmation, lancer_import
from sun.cli.sortie import OK


def importer(args) -> int:
    from sun.parc.reparateurs.importation import importer as importer_fichier

    return lancer_import(importer_fichier, args, "Annuaire de la réparation")


def modele(args) -> int:
    from pathlib import Path

    from sun.parc.reparateurs.importation import COLONNES, ecrire_modele

    chemin = ecrire_modele(Path(args.fichier))
    print(f"Modèle écrit : {chemin} (une ligne d'exemple à remplacer).")
    for colonne, sens in COLONNES:
        print(f"  {colonne} : {sens}")
    return OK


def demo(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.parc.reparateurs.demo import creer_demo

    verifier_base()
    nombre = creer_demo()
    s = "s" if nombre > 1 else ""
    print(f"Annuaire de la réparation : {nombre} acteur{s} de démonstration créé{s} (marqués "
          "« démonstration », jamais comptés).")  # fmt: skip
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
    groupe = actions.add_parser("reparateurs", help="annuaire de la réparation et du "
                                "reconditionnement : import, modèle, démonstration")  # fmt: skip
    sous = groupe.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = sous.add_parser("importer", help="importe l'annuaire depuis un CSV au modèle de SUN")
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.add_argument("--verbeux", action="store_true", help="montre tous les changements")
    ajouter_confirmation(p)
    p.set_defaults(fonction=importer)
    p = sous.add_parser("modele", help="écrit le modèle CSV de l'annuaire (en-tête et exemple)")
    p.add_argument("fichier", metavar="FICHIER", nargs="?", default="modele-reparateurs.csv")
    p.set_defaults(fonction=modele)
    p = sous.add_parser("demo", help="crée les acteurs de démonstration (département servi)")
    p.set_defaults(fonction=demo)
