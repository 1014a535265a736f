"""`sun projets` actions of the typology, the GLPI ticket import and the statistics:
`importer-tickets F [--essai]` (a GLPI ticket export, through the import pipeline),
`typologie` (the tree of types), `statistiques [--depuis AAAA-MM-JJ]` (the main tables)."""

from sun.cli.rapport import ajouter_confirmation, lancer_import
from sun.cli.sortie import OK, USAGE, ErreurCommande


def importer_tickets(args) -> int:
    from sun.projets.importation.services import importer_tickets as importer

    return lancer_import(importer, args, "Tickets GLPI")


def typologie(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.projets.models import Demande, TypeDemande
    from sun.projets.statistiques.typologie import arbre

    verifier_base()
    types = list(TypeDemande.objects.all())
    if not types:
        print("La typologie est vide (ajoutez des types ou importez un export de tickets GLPI).")
        return OK
    actifs = sum(t.actif for t in types)
    print(f"Typologie des demandes : {len(types)} types, dont {actifs} actifs.")
    for n in arbre(types, Demande.objects.effectifs_par_type()):
        retrait = "  " * n.niveau
        if n.type is None:
            print(f"{retrait}{n.nom} (regroupement, {n.total} demandes)")
            continue
        t = n.type
        etat = "" if t.actif else ", désactivé"
        nature = t.get_nature_display() or "nature à préciser"
        print(f"{retrait}{n.nom} — {nature}, {t.get_source_display().lower()}{etat} : "
              f"{n.demandes} demande{'s' if n.demandes > 1 else ''}")  # fmt: skip
    return OK


def statistiques(args) -> int:
    from datetime import date

    from sun.cli.sortie import verifier_base
    from sun.projets.statistiques import calcul

    depuis = None
    if args.depuis:
        try:
            depuis = date.fromisoformat(args.depuis)
        except ValueError as exc:
            raise ErreurCommande(
                "Date illisible pour --depuis : attendu AAAA-MM-JJ.", USAGE
            ) from exc
    verifier_base()
    s = calcul.obtenir({"du": depuis})
    periode = f" depuis le {depuis:%d/%m/%Y}" if depuis else ""
    print(f"Statistiques des demandes{periode} : {s.total} demandes comptées.")
    if s.demonstration:
        print(f"  {s.demonstration} demande(s) de démonstration non comptée(s).")
    for t in s.tableaux.values():
        print(f"\n{t.titre}")
        if t.vide:
            print("  (aucune donnée)")
        for ligne in t.lignes:
            print("  " + ligne[0] + " : " + " ; ".join(
                f"{c.lower()} {v}" for c, v in zip(t.colonnes[1:], ligne[1:], strict=False)))  # fmt: skip
        if t.note:
            print(f"  {t.note}")
    print(f"\nSource : {s.source}.")
    return OK


def ajouter(actions) -> None:
    """Add these actions to `sun projets`."""
    p = actions.add_parser("importer-tickets", help="importe un export CSV de tickets GLPI "
                           "(demandes, typologie amorcée par les catégories)")  # fmt: skip
    p.add_argument("fichier", metavar="FICHIER")
    p.add_argument("--essai", "--dry-run", dest="essai", action="store_true",
                   help="montre ce qui changerait sans rien enregistrer")  # fmt: skip
    p.add_argument("--verbeux", action="store_true", help="montre tous les changements")
    ajouter_confirmation(p)
    p.set_defaults(fonction=importer_tickets)
    p = actions.add_parser("typologie", help="liste la typologie des demandes et des incidents")
    p.set_defaults(fonction=typologie)
    p = actions.add_parser("statistiques", help="imprime les statistiques des demandes (par "
                           "type, outil, direction, nature, mois ; délais médians)")  # fmt: skip
    p.add_argument("--depuis", metavar="AAAA-MM-JJ", help="demandes créées depuis cette date")
    p.set_defaults(fonction=statistiques)
