"""`sun parc` actions of the wing « taux »: taux (the reuse rate of décret n° 2023-266 per
year, optionally as CSV), declaration (the national file of AGEC art. 58 for a year), figer
(freeze the 1 January stock of decommissioned items)."""

from sun.cli.sortie import DONNEES, OK, USAGE, ErreurCommande


def taux(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.core.tableur import ecrivain_csv
    from sun.parc.taux import reemploi

    verifier_base()
    serie = reemploi.serie()
    if args.annee is not None:
        serie = [t for t in serie if t.annee == args.annee] or [reemploi.taux_annee(args.annee)]
    print(f"Réemploi des équipements réformés — {reemploi.REFERENCE}")
    for t in sorted(serie, key=lambda t: t.annee):
        taux_ = f"{t.taux:.1f} %" if t.taux is not None else "non défini (B = 0)"
        objectif = f"objectif {t.objectif} %" if t.objectif else "sans objectif"
        print(f"  {t.annee} : A = {t.a}, B = {t.b} ({t.etat_du_stock}), taux {taux_}, {objectif},"
              f" ratio de pilotage {t.ratio_pilotage if t.ratio_pilotage is not None else '—'} %")  # fmt: skip
    print(f"Source : {reemploi.SOURCE}.")
    if args.csv:
        with open(args.csv, "w", encoding="utf-8-sig", newline="") as fichier:
            ecrivain_csv(fichier, delimiter=";").writerows(reemploi.lignes_csv(serie))
        print(f"Écrit : {args.csv}")
    return OK


def declaration(args) -> int:
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.parc.cycle_vie import RefusCycleVie
    from sun.parc.taux import declaration as module

    verifier_base()
    try:
        texte = module.fichier(args.annee)
    except RefusCycleVie as exc:
        raise ErreurCommande(exc.message, USAGE) from exc
    Path(args.sortie).write_text(texte, encoding="utf-8")
    print(f"Écrit : {args.sortie} ({len(texte.splitlines()) - 1} ligne(s), schéma national "
          "de déclaration 0.1.0).")  # fmt: skip
    return OK


def figer(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.parc.cycle_vie import RefusCycleVie
    from sun.parc.taux.services import figer_stock

    verifier_base()
    try:
        stock = figer_stock(args.annee)
    except RefusCycleVie as exc:
        raise ErreurCommande(exc.message, DONNEES) from exc
    print(f"Stock réformé au 1er janvier {args.annee} figé : {stock.nombre} équipement(s).")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
    p = actions.add_parser("taux", help="taux de réemploi des équipements réformés (décret "
                           "n° 2023-266), par année")  # fmt: skip
    p.add_argument("--annee", type=int, metavar="N", help="une seule année")
    p.add_argument("--csv", metavar="FICHIER", help="écrit aussi les taux dans ce fichier CSV")
    p.set_defaults(fonction=taux)
    p = actions.add_parser("declaration", help="fichier national de déclaration des achats "
                           "issus du réemploi (loi AGEC art. 58) pour une année")  # fmt: skip
    p.add_argument("--annee", type=int, metavar="N", required=True)
    p.add_argument("--sortie", metavar="FICHIER", required=True)
    p.set_defaults(fonction=declaration)
    p = actions.add_parser("figer", help="fige le stock réformé au 1er janvier d'une année "
                           "(B du décret n° 2023-266)")  # fmt: skip
    p.add_argument("--annee", type=int, metavar="N", required=True)
    p.set_defaults(fonction=figer)
