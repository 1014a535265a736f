"""The layouts of GLPI ticket exports shipped with SUN (`correspondances/*.yaml`: French and
English interfaces), and how a file's layout is recognised from its header: a column matches
a label without case or accents, with or without its group prefix (« Demandeur - Demandeur »
or « Demandeur »). Only the columns present are read; ID, title, status and opening date are
required."""

from pathlib import Path

from sun.core.imports import ColonnesManquantes, Correspondance
from sun.core.text import plier
from sun.projets.importation.champs import CHAMPS, CIBLE, OBLIGATOIRES

DOSSIER = Path(__file__).resolve().parent / "correspondances"
GROUPE = " - "


def livrees() -> dict[str, Correspondance]:
    return {
        chemin.stem: Correspondance.depuis_fichier(chemin, CIBLE)
        for chemin in sorted(DOSSIER.glob("*.yaml"))
    }


def _formes(libelle: str) -> set[str]:
    plie = plier(libelle)
    return {plie, plie.split(GROUPE)[-1]}


def _appariement(correspondance: Correspondance, colonnes: list[str]) -> dict[str, str]:
    """{field: the file's column} for the labels of `correspondance` the header has."""
    trouvees = {}
    for champ, libelle in correspondance.colonnes.items():
        voulues = _formes(libelle)
        for colonne in colonnes:
            if colonne and (plier(colonne) in voulues or _formes(colonne) & {plier(libelle)}):
                trouvees[champ] = colonne
                break
    return trouvees


def reconnaitre(colonnes: list[str]) -> Correspondance:
    """The shipped layout that best matches the header, reduced to the columns present;
    ColonnesManquantes (French message) if a required column is missing."""
    meilleur, choisie, trouvees = -1, None, {}
    for nom, correspondance in livrees().items():
        appariees = _appariement(correspondance, colonnes)
        if len(appariees) > meilleur:
            meilleur, choisie, trouvees = len(appariees), (nom, correspondance), appariees
    nom, correspondance = choisie
    manquants = [c for c in OBLIGATOIRES if c not in trouvees]
    if manquants:
        erreur = ColonnesManquantes([correspondance.colonnes[c] for c in manquants])
        erreur.args = (
            "Ce fichier n'est pas un export de tickets GLPI lisible : colonnes absentes "
            + ", ".join(f"« {correspondance.colonnes[c]} » ({CHAMPS[c]})" for c in manquants)
            + ". Colonnes lues : " + ", ".join(f"« {c} »" for c in colonnes[:20] if c) + ".",
        )  # fmt: skip
        raise erreur
    contenu = {**correspondance.contenu, "colonnes": trouvees}
    adaptee = Correspondance.depuis_dict(contenu, CIBLE, nom)
    return adaptee
