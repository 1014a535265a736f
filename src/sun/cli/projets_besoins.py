"""`sun projets` actions of the wing « besoins »: `besoins [--statut STATUT]` prints the
expressions of need (functional specifications) grouped by status."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande


def besoins(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.projets.besoins import modele
    from sun.projets.models import ExpressionBesoin

    verifier_base()
    statuts = dict(ExpressionBesoin.Statut.choices)
    if args.statut and args.statut not in statuts:
        raise ErreurCommande(f"Statut inconnu : « {args.statut} » (possibles : "
                             f"{', '.join(statuts)}).", DONNEES)  # fmt: skip
    qs = ExpressionBesoin.objects.par_statut().de_statut(args.statut or "")
    if not qs.exists():
        print("Aucune expression de besoin" + (" à ce statut." if args.statut else "."))
        return OK
    courant = None
    for b in qs:
        if b.statut != courant:
            courant = b.statut
            nombre = qs.filter(statut=courant).count()
            print(f"\n{statuts[courant]} ({nombre})")
        marque = " [démonstration]" if b.demonstration else ""
        print(f"  n° {b.pk} — {b.titre}{marque} : {b.direction.nom} ; "
              f"{modele.texte_completude(b)}")  # fmt: skip
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
    p = actions.add_parser("besoins", help="liste les expressions de besoin (cahiers des "
                           "charges fonctionnels) par statut")  # fmt: skip
    p.add_argument("--statut", metavar="STATUT",
                   help="brouillon, soumis, etudie, retenu ou abandonne")  # fmt: skip
    p.set_defaults(fonction=besoins)
