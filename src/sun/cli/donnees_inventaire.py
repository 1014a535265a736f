"""`sun donnees` actions of the wing « inventaire »: `inventaire synchroniser` (SUN's own
processing into the inventory), `inventaire exporter` (the CNIL register as XLSX, or the
cartography as CSV) and `repertoire` (the yearly répertoire des informations publiques)."""

from pathlib import Path

from sun.cli.sortie import OK, ErreurCommande


def synchroniser(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees.inventaire.synchronisation import synchroniser_traitements_sun

    verifier_base()
    print(synchroniser_traitements_sun())
    return OK


def _ouvrir(chemin: str, mode: str):
    try:
        return Path(chemin).open(mode, **({} if "b" in mode else {"encoding": "utf-8",
                                                                   "newline": ""}))  # fmt: skip
    except OSError as exc:
        raise ErreurCommande(f"Impossible d'écrire « {chemin} » : {exc.strerror}.") from exc


def exporter(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees.inventaire.exports import ecrire_cartographie
    from sun.donnees.inventaire.registre_cnil import ecrire_registre

    verifier_base()
    if args.cnil:
        with _ouvrir(args.cnil, "wb") as f:
            n = ecrire_registre(f)
        print(f"Registre des activités de traitement écrit : {args.cnil} ({n} activité(s)).")
    else:
        with _ouvrir(args.csv, "w") as f:
            n = ecrire_cartographie(f)
        print(f"Cartographie des données écrite : {args.csv} ({n} entrée(s)).")
    return OK


def repertoire(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.donnees.inventaire.exports import ecrire_repertoire

    verifier_base()
    if not 1900 < args.annee < 3000:
        raise ErreurCommande(f"Année invalide : {args.annee}.")
    with _ouvrir(args.sortie, "w") as f:
        n = ecrire_repertoire(f, args.annee)
    print(f"Répertoire des informations publiques {args.annee} écrit : {args.sortie} "
          f"({n} ligne(s)).")  # fmt: skip
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun donnees`."""
    inventaire = actions.add_parser("inventaire", help="inventaire interne des données et "
                                    "registre des traitements (RGPD)")  # fmt: skip
    sous = inventaire.add_subparsers(title="actions", metavar="ACTION", required=True)
    p = sous.add_parser("synchroniser", help="inscrit les traitements de SUN à l'inventaire")
    p.set_defaults(fonction=synchroniser)
    p = sous.add_parser("exporter", help="registre RGPD (modèle CNIL, XLSX) ou cartographie "
                        "des données (CSV)")  # fmt: skip
    quoi = p.add_mutually_exclusive_group(required=True)
    quoi.add_argument("--cnil", metavar="FICHIER.xlsx", help="registre des activités de "
                      "traitement au modèle de la CNIL")  # fmt: skip
    quoi.add_argument("--csv", metavar="FICHIER.csv", help="cartographie des données")
    p.set_defaults(fonction=exporter)
    p = actions.add_parser("repertoire", help="répertoire annuel des informations publiques "
                           "(CRPA L322-6), en CSV")  # fmt: skip
    p.add_argument(
        "--annee",
        type=int,
        required=True,
        metavar="ANNEE",
        help="année du répertoire (publié chaque année, CRPA R322-7)",
    )
    p.add_argument("--sortie", metavar="FICHIER.csv", required=True, help="fichier CSV à écrire")
    p.set_defaults(fonction=repertoire)
