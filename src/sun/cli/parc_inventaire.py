"""`sun parc` actions of the wing « inventaire »: inventaire (counts per type and état, or
the CSV of the list) and demo (the demonstration fleet, with the other wings' demos when
they exist)."""

from sun.cli.sortie import OK, USAGE, ErreurCommande

# The values of sun.parc.referentiel (the parser is built before Django starts).
TYPES = ["poste_fixe", "portable", "ecran", "imprimante", "smartphone", "telephone", "tablette",
         "serveur", "reseau", "videoprojecteur", "autre"]  # fmt: skip
ETATS = ["commande", "en_stock", "en_service", "en_reparation", "reforme", "sorti", "parc"]


def _ecrire_csv(fichier, equipements) -> int:
    """Write the CSV of `equipements`; returns the number of items written."""
    from sun.core.tableur import ecrivain_csv
    from sun.parc.exports import lignes_csv

    ecrivain, n = ecrivain_csv(fichier, delimiter=";"), -1
    for n, ligne in enumerate(lignes_csv(equipements)):  # noqa: B007
        ecrivain.writerow(ligne)
    return n


def inventaire(args) -> int:
    import sys
    from pathlib import Path

    from sun.cli.sortie import verifier_base
    from sun.parc import queries
    from sun.parc.models import Equipement

    verifier_base()
    equipements = queries.filtrer(Equipement.objects.all(), type=args.type or "",
                                  etat=args.etat or "")  # fmt: skip
    if args.csv == "-":
        _ecrire_csv(sys.stdout, equipements)
        return OK
    if args.csv:
        try:
            with Path(args.csv).open("w", encoding="utf-8-sig", newline="") as fichier:
                n = _ecrire_csv(fichier, equipements)
        except OSError as exc:
            raise ErreurCommande(
                f"Impossible d'écrire {args.csv} : {exc.strerror}.", USAGE
            ) from exc
        print(f"Écrit : {args.csv} ({n} équipement{'s' if n > 1 else ''}).")
        return OK
    comptes = queries.comptes_etat_type(equipements)
    largeur = max([len(ligne["libelle"]) for ligne in comptes.lignes] + [12])
    etats = [libelle.split(" (")[0] for _, libelle in comptes.etats]
    print(f"{'Type':<{largeur}}  " + "  ".join(etats) + "  Total")
    for ligne in comptes.lignes:
        cellules = "  ".join(f"{n:>{len(e)}}" for n, e in zip(ligne["valeurs"], etats, strict=True))
        print(f"{ligne['libelle']:<{largeur}}  {cellules}  {ligne['total']:>5}")
    cellules = "  ".join(f"{n:>{len(e)}}" for n, e in zip(comptes.par_etat, etats, strict=True))
    print(f"{'Total':<{largeur}}  {cellules}  {comptes.total:>5}")
    if comptes.demonstration:
        print(f"dont {comptes.demonstration} équipement{'s' if comptes.demonstration > 1 else ''} "
              "de démonstration (comptés dans aucun indicateur).")  # fmt: skip
    return OK


def demo(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.parc.demo import charger_tout

    verifier_base()
    lignes = charger_tout()
    for ligne in lignes or ["Démonstration du parc déjà chargée : rien n'a été ajouté."]:
        print(ligne)
    print("Données marquées « démonstration », jamais comptées dans les indicateurs.")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun parc`."""
    p = actions.add_parser("inventaire", help="compte les équipements par type et par état, "
                           "ou écrit la liste en CSV")  # fmt: skip
    p.add_argument("--type", choices=TYPES, help="un type d'équipement seulement")
    p.add_argument("--etat", choices=ETATS, help="un état seulement (parc : encore dans le parc)")
    p.add_argument("--csv", metavar="FICHIER", help="écrit la liste en CSV (- : sortie standard)")
    p.set_defaults(fonction=inventaire)
    p = actions.add_parser("demo", help="charge le parc de démonstration (et les démonstrations "
                           "des dons, des réparateurs et des taux)")  # fmt: skip
    p.set_defaults(fonction=demo)
