"""`sun competences` actions of the wing « referents »: referents (the directory, or its CSV)."""

from sun.cli.sortie import OK


def referents(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.competences.models import Direction, Referent
    from sun.competences.referents import annuaire, exports

    verifier_base()
    if args.csv:
        with open(args.csv, "w", encoding="utf-8-sig", newline="") as fichier:
            exports.ecrire_csv(fichier)
        print(f"Écrit : {args.csv}")
        return OK
    for e in annuaire.construire(Direction.objects.order_by("nom"),
                                 Referent.objects.pour_annuaire()):  # fmt: skip
        print(f"{e.direction}" + ("" if e.referents else " : pas de référent"))
        for r in e.referents:
            print(f"  {r.personne} — {r.perimetre} — {r.courriel}"
                  + (f" — {r.telephone}" if r.telephone else ""))  # fmt: skip
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun competences`."""
    p = actions.add_parser("referents", help="annuaire des référents numériques par direction")
    p.add_argument("--csv", metavar="FICHIER", help="écrit l'annuaire dans ce fichier CSV")
    p.set_defaults(fonction=referents)
