"""`sun donnees` actions of the wing « conservation »: `purger [--essai]` (every day) and
`conservation importer|exporter|defauts` (the tableau de gestion)."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande


def purger(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees.conservation.purge import lignes, purger, resume

    verifier_base()
    execution = purger(essai=args.essai)
    for ligne in lignes(execution):
        print(f"  {ligne}")
    for erreur in execution.erreurs.splitlines():
        print(f"  {erreur}")
    print(resume(execution))
    return DONNEES if execution.erreurs else OK


def importer(args) -> int:
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.donnees.conservation.services import importer_regles

    verifier_base()
    chemin = Path(args.fichier)
    if not chemin.is_file():
        raise ErreurCommande(f"Fichier introuvable : {chemin}", DONNEES)
    rapport = importer_regles(chemin.read_bytes(), chemin.name)
    for refus in rapport.refus:
        print(f"  {refus.texte()}")
    print(rapport.resume())
    return OK if rapport.accepte else DONNEES


def exporter(args) -> int:
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.donnees.conservation.exports import ecrire_csv, ecrire_vitam

    verifier_base()
    chemin = Path(args.fichier)
    with open(chemin, "w", newline="", encoding="utf-8") as fichier:
        n = (ecrire_vitam if args.vitam else ecrire_csv)(fichier)
    quoi = "Référentiel des règles (format Vitam)" if args.vitam else "Tableau de gestion"
    print(f"{quoi} écrit : {chemin} ({n} règle(s)).")
    return OK


def defauts(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees.conservation.services import charger_defauts

    verifier_base()
    rapport = charger_defauts()
    for refus in rapport.refus:
        print(f"  {refus.texte()}")
    print(rapport.resume())
    return OK if rapport.accepte else DONNEES


def ajouter(actions) -> None:
    """Add this wing's actions to `sun donnees`."""
    p = actions.add_parser("purger", help="applique le tableau de gestion (chaque jour) : "
                           "anonymise, propose les éliminations, exécute les bordereaux visés, "
                           "prépare les versements")  # fmt: skip
    p.add_argument("--essai", action="store_true", help="affiche ce qui serait fait, sans rien "
                   "écrire")  # fmt: skip
    p.set_defaults(fonction=purger)
    c = actions.add_parser("conservation", help="tableau de gestion (règles de conservation)")
    cs = c.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = cs.add_parser("importer", help="charge un tableau de gestion (CSV ou YAML) ; refusé "
                      "entier, lignes fautives listées, s'il a une erreur")  # fmt: skip
    p.add_argument("fichier", metavar="FICHIER")
    p.set_defaults(fonction=importer)
    p = cs.add_parser("exporter", help="écrit le tableau de gestion en CSV")
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--vitam", action="store_true", help="au format du référentiel des règles "
                   "de Vitam")  # fmt: skip
    p.set_defaults(fonction=exporter)
    p = cs.add_parser("defauts", help="crée les règles livrées avec SUN qui manquent (ne "
                      "modifie jamais une règle existante)")  # fmt: skip
    p.set_defaults(fonction=defauts)
