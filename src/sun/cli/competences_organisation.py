"""`sun competences` actions of the organisation (directions, people, elected officials):
`sun competences directions` (the list) and `sun competences directions importer F.csv`
(columns code;nom;sigle; one bad line and nothing is written)."""

from sun.cli.sortie import DONNEES, OK, ErreurCommande


def lister(args) -> int:
    from sun.competences.models import Direction

    directions = Direction.objects.avec_effectifs().order_by("nom")
    if not directions:
        print("Aucune direction enregistrée.")
    for d in directions:
        demo = " [démonstration]" if d.demonstration else ""
        print(f"{d.code}\t{d.sigle or '—'}\t{d.nom}{demo}\t{d.nb_personnes} personne(s)")
    return OK


def importer(args) -> int:
    from pathlib import Path

    from sun.competences import services
    from sun.competences.erreurs import Refus

    chemin = Path(args.fichier)
    if not chemin.is_file():
        raise ErreurCommande(f"fichier introuvable : {chemin}", DONNEES)
    try:
        resultat = services.importer_directions(chemin.read_bytes())
    except Refus as exc:
        raise ErreurCommande(exc.message, DONNEES) from None
    print(resultat.resume())
    return OK


def ajouter(actions) -> None:
    """Add these actions to `sun competences`."""
    groupe = actions.add_parser("directions", help="directions du Département : liste, import")
    groupe.set_defaults(fonction=lister)
    sous = groupe.add_subparsers(title="actions", metavar="ACTION")
    p = sous.add_parser("importer", help="crée ou renomme les directions d'un CSV code;nom;sigle")
    p.add_argument("fichier", metavar="FICHIER")
    p.set_defaults(fonction=importer)
