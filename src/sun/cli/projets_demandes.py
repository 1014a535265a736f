"""`sun projets` actions of the wing « demandes »: `carnet [--outil SLUG]` prints the backlog
of the tools (the open évolutions ranked per tool by score)."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande


def carnet(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.projets.demandes import carnet as lignes_carnet
    from sun.projets.demandes import queries
    from sun.projets.models import Demande

    verifier_base()
    outil = None
    if args.outil:
        outil = queries.outil_par_slug(args.outil)
        if outil is None:
            raise ErreurCommande(f"Outil inconnu : « {args.outil} » (donnez le code d'un "
                                 "service du registre des services numériques).", DONNEES)  # fmt: skip
    lignes = lignes_carnet.lignes(Demande.objects.carnet(outil))
    portee = f" sur {outil.nom}" if outil else ""
    if not lignes:
        print(f"Aucune demande d'évolution ouverte{portee}.")
        return OK
    print(f"Carnet des demandes d'évolution{portee} : {len(lignes)} demande(s) ouverte(s).")
    courant = None
    for (nom, pk, titre, _type, direction, soutiens, statut, _creee, age, score,
         demo) in lignes:  # fmt: skip
        if nom != courant:
            print(f"\n{nom}")
            courant = nom
        marque = " [démonstration]" if demo == "oui" else ""
        print(f"  n° {pk} — {titre}{marque} : score {score} ; {statut.lower()} ; "
              f"{soutiens} soutien(s) ; {age} jour(s)"
              + (f" ; {direction}" if direction else ""))  # fmt: skip
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun projets`."""
    p = actions.add_parser("carnet", help="imprime le carnet des demandes d'évolution ouvertes, "
                           "classées par outil et par score")  # fmt: skip
    p.add_argument("--outil", metavar="CODE", help="le code (slug) d'un outil du registre")
    p.set_defaults(fonction=carnet)
