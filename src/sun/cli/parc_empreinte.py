"""`sun parc` actions of the wing « empreinte »: `empreinte` (the fleet's footprint for a year,
or the CSV of ten years) and `facteurs` (list the shipped factor editions, each checked;
regenerate the Boavizta one with the optional extra)."""

from sun.cli.sortie import DONNEES, OK, USAGE, ErreurCommande


def empreinte(args) -> int:
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.core.text import nombre
    from sun.parc.empreinte import export, pages
    from sun.parc.empreinte.facteurs import FacteursInvalides

    verifier_base()
    try:
        if args.csv:
            Path(args.csv).write_text(export.texte(args.annee, args.edition), encoding="utf-8")
            print(f"Écrit : {args.csv}")
            return OK
        t = pages.tableau(args.annee, args.edition)
    except FacteursInvalides as exc:
        raise ErreurCommande(str(exc), DONNEES) from exc
    except OSError as exc:
        raise ErreurCommande(f"Impossible d'écrire {args.csv} : {exc.strerror}.", USAGE) from exc
    h = t.hypotheses
    print(f"Empreinte du parc en {t.annee} — facteurs {h.edition}")
    print(f"  {nombre(t.total.total)} kg CO2e : fabrication amortie {nombre(t.total.fabrication)}"
          f" kg, usage {nombre(t.total.usage)} kg ; {nombre(t.total.nombre)} équipements")  # fmt: skip
    for ligne in t.par_type:
        print(f"    {ligne.libelle} : {nombre(ligne.total, 1)} kg ({nombre(ligne.nombre)})")
    print(f"  Fabrication complète du parc en service : {nombre(t.stock.total.get('gwp', 0))} kg"
          f" CO2e ({nombre(t.stock.nombre)} équipements)")  # fmt: skip
    if t.par_agent is not None:
        print(f"  Par agent : {nombre(t.par_agent, 1)} kg CO2e ({nombre(t.effectif)} agents)")
    if t.sans_facteur:
        print("  Sans facteur (non comptés) : "
              + ", ".join(f"{libelle} {n}" for libelle, n in t.sans_facteur))  # fmt: skip
    print("  Durées de vie prévues : "
          + ", ".join(f"{libelle} {d} ans" for libelle, d, _ in h.durees))  # fmt: skip
    if t.note_demo:
        print(f"  {t.note_demo}.")
    return OK


def facteurs_lister(args) -> int:
    from sun.parc.empreinte.facteurs import FacteursInvalides, charger_table, edition_choisie
    from sun.parc.empreinte.facteurs import editions as liste

    try:
        codes = liste()
    except FacteursInvalides as exc:
        raise ErreurCommande(str(exc), DONNEES) from exc
    fautes = 0
    for code in codes:
        choisie = " (choisie : SUN_PARC_FACTEURS)" if code == edition_choisie() else ""
        try:
            table = charger_table(code)
        except FacteursInvalides as exc:
            fautes += 1
            print(f"{code}{choisie} : INVALIDE — {exc}")
            continue
        print(f"{code}{choisie} : {table.mention} ; {len(table.types)} types avec facteur "
              f"({', '.join(table.types)}) ; sans facteur : {', '.join(table.sans_facteur)}")  # fmt: skip
    return DONNEES if fautes else OK


def facteurs_regenerer(args) -> int:
    from sun.parc.empreinte.boavizta import BoaviztaAbsent, regenerer

    try:
        chemin, n = regenerer()
    except BoaviztaAbsent as exc:
        raise ErreurCommande(str(exc), USAGE) from exc
    print(f"Écrit : {chemin} ({n} lignes, calculées par boaviztapi)")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
    p = actions.add_parser("empreinte", help="empreinte carbone du parc (fabrication amortie et "
                           "usage) pour une année, ou CSV sur dix ans")  # fmt: skip
    p.add_argument("--annee", type=int, default=None, help="année (défaut : l'année en cours)")
    p.add_argument("--csv", metavar="FICHIER", help="écrit les chiffres par année, type et site")
    p.add_argument("--edition", default=None, help="édition des facteurs (défaut : "
                   "SUN_PARC_FACTEURS)")  # fmt: skip
    p.set_defaults(fonction=empreinte)
    p = actions.add_parser("facteurs", help="facteurs d'émission livrés : lister, régénérer")
    sous = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    q = sous.add_parser("lister", help="liste les éditions, chacune vérifiée")
    q.set_defaults(fonction=facteurs_lister)
    q = sous.add_parser("regenerer", help="recalcule la table Boavizta avec boaviztapi "
                        "(extra facultatif sun[boavizta])")  # fmt: skip
    q.add_argument("--edition", choices=["boavizta"], default="boavizta")
    q.set_defaults(fonction=facteurs_regenerer)
