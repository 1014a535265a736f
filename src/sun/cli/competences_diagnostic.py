"""`sun competences` actions of the wing « diagnostic »: diagnostics (the aggregated levels
per direction, masked under 5 people)."""

from sun.cli.sortie import OK


def diagnostics(args) -> int:
    from sun.cli.sortie import verifier_base
    from sun.competences.diagnostic import agregats
    from sun.core.indicators import NON_AFFICHE

    verifier_base()
    print("Diagnostics de compétences numériques (CRCN) — niveau moyen de 0 à 8 par direction")
    for g in [agregats.departement(), *agregats.par_direction()]:
        if g.masque:
            print(f"  {g.libelle} : {NON_AFFICHE}")
            continue
        domaines = ", ".join(f"D{c} {v}" for c, v in g.agregat.par_domaine.items())
        print(f"  {g.libelle} : {g.agregat.nb_personnes} personnes, niveau moyen {g.moyenne} "
              f"({domaines})")  # fmt: skip
    print(f"Source : {agregats.SOURCE} ; démonstration non comptée.")
    return OK


def ajouter(actions) -> None:
    """Add this wing's actions to `sun competences`."""
    p = actions.add_parser("diagnostics", help="niveaux moyens des diagnostics de compétences "
                           "par direction (masqués sous 5 personnes)")  # fmt: skip
    p.set_defaults(fonction=diagnostics)
