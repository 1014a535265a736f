"""`sun connectivite fiches`: the PDF sheet of every commune of the served département (or
of the communes given), for their mayors, with a progress bar."""

from pathlib import Path


def connectivite_fiches(args) -> int:
    import time

    from tqdm import tqdm

    from sun.cli.sortie import DONNEES, OK, ErreurCommande, verifier_base
    from sun.connectivite.fiches.rendu import ecrire_toutes

    verifier_base()
    dossier = Path(args.sortie)
    if dossier.exists() and not dossier.is_dir():
        raise ErreurCommande(f"{dossier} existe et n'est pas un dossier.", DONNEES)
    debut = time.perf_counter()
    # disable=None: a bar on a terminal, silent in logs and CI.
    with tqdm(unit=" fiche", desc="Fiches des communes", disable=None, leave=False) as barre:

        def progression(faites: int, total: int) -> None:
            barre.total = total
            barre.update(faites - barre.n)

        ecrites = ecrire_toutes(dossier, args.commune or None, progression)
    duree = time.perf_counter() - debut
    if args.commune and len(ecrites) < len(set(c.upper() for c in args.commune)):
        connues = {chemin.name[:5] for chemin in ecrites}
        inconnues = sorted({c.upper() for c in args.commune} - connues)
        print(f"Communes inconnues, sans fiche : {', '.join(inconnues)}")
    par_fiche = duree / len(ecrites) if ecrites else 0
    print(f"{len(ecrites)} fiche{'s' if len(ecrites) >= 2 else ''} écrite"
          f"{'s' if len(ecrites) >= 2 else ''} dans {dossier} en {duree:.1f} s "
          f"({par_fiche:.2f} s par fiche)")  # fmt: skip
    return OK if ecrites or not args.commune else DONNEES


def ajouter(actions) -> None:
    p = actions.add_parser(
        "fiches", help="écrit la fiche PDF de chaque commune du département (pour les maires)"
    )
    p.add_argument("--sortie", required=True, metavar="DOSSIER", help="dossier des PDF")
    p.add_argument("--commune", action="append", metavar="CODE",
                   help="code INSEE d'une commune (répétable) ; défaut : toutes")  # fmt: skip
    p.set_defaults(fonction=connectivite_fiches)
