"""How every import command prints its report (the one report of core.imports), and the
progress bar it shows while reading."""

from contextlib import contextmanager

MONTRES = 20  # changes and rejected lines printed without --verbeux


def afficher_rapport(rapport, *, verbeux: bool = False) -> None:
    for ligne in rapport.lignes():
        print(ligne)
    limite = None if verbeux else MONTRES
    if rapport.apercu:
        print("  Changements" + (" qui seraient faits :" if rapport.essai else " :"))
        for ligne in rapport.apercu[:limite]:
            print(f"    {ligne}")
        if len(rapport.apercu) > MONTRES and not verbeux:
            print("    … (--verbeux pour les voir tous, jusqu'à 200)")
    refusees = rapport.lignes_rejetees
    signalees = rapport.lignes_signalees if verbeux else []
    for r in [*refusees[:limite], *signalees]:
        print(f"    {r.position} — {r.champ} « {r.valeur} » : {r.raison} ({r.libelle_gravite})")
    if len(refusees) > MONTRES and not verbeux:
        print("    … (--verbeux pour voir toutes les lignes refusées affichées, jusqu'à 200)")


def lancer_import(fonction, args, description: str, **options) -> int:
    """Run an importer of the pipeline (`fonction(chemin, essai=…, progression=…,
    confirmer=…, **options)`) with a progress bar, print its report; refusals exit with 3."""
    from pathlib import Path

    from sun.cli.sortie import DONNEES, OK, ErreurCommande, verifier_base
    from sun.core.imports import ImportImpossible

    verifier_base()
    try:
        with barre_de_progression(description) as progression:
            rapport = fonction(
                Path(args.fichier), essai=args.essai, progression=progression,
                confirmer=args.confirmer, **options,
            )  # fmt: skip
    except ImportImpossible as exc:
        raise ErreurCommande(erreur_d_import(exc), DONNEES) from exc
    afficher_rapport(rapport, verbeux=args.verbeux)
    return OK


def ajouter_confirmation(p) -> None:
    """The option every import command has: go on past the guard's threshold."""
    p.add_argument(
        "--confirmer-fermetures", "--confirmer", dest="confirmer", action="store_true",
        help="importe même si plus de SUN_IMPORT_SEUIL_CONFIRMATION (20 %%) des lignes sont "
        "refusées ou des enregistrements de la source seraient fermés",
    )  # fmt: skip


def erreur_d_import(exc) -> str:
    """The French message of a refused import; for an import stopped by the guard, what it
    would have closed and how to confirm it."""
    from sun.core.imports import ConfirmationRequise

    if not isinstance(exc, ConfirmationRequise):
        return f"{exc} Rien n'a été enregistré."
    lignes = [str(exc)]
    if exc.a_fermer:
        lignes.append(f"  Seraient fermés ({len(exc.a_fermer)} premiers) :")
        lignes += [f"    {nom}" for nom in exc.a_fermer[:MONTRES]]
        if len(exc.a_fermer) > MONTRES:
            lignes.append(f"    … et {len(exc.a_fermer) - MONTRES} autres")
    if exc.rapport.chemin_rapport:
        lignes.append(f"  Lignes refusées et signalées : {exc.rapport.chemin_rapport}")
    lignes.append("  Pour importer quand même : relancez avec --confirmer-fermetures.")
    return "\n".join(lignes)


@contextmanager
def barre_de_progression(description: str):
    """A bar counting rows on a terminal, silent in logs and CI; yields its update function."""
    from tqdm import tqdm

    with tqdm(unit=" lignes", desc=description, disable=None, leave=False) as barre:
        yield barre.update
