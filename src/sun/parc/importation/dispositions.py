"""The layouts of inventory files: those shipped with SUN (`correspondances/*.yaml`: GLPI in
French and in English) and SUN's CSV template (`modele-sun`), a mapping file given by its
path, and how a file's layout is recognised from its header.

GLPI writes only the columns displayed in its search view, labelled in the user's language,
a linked table's columns prefixed with their group (« Informations financières et
administratives - Date de livraison »). So a shipped layout's columns are all optional but a
status, a type and a key; a column matches with or without its group prefix, without case
or accents. A mapping file given by the coordinator is strict: every column it names must be
in the file."""

from pathlib import Path

from sun.core.imports import Correspondance, CorrespondanceInvalide, ImportImpossible
from sun.core.text import plier
from sun.parc.importation.champs import CIBLE, CLES, COLONNES_MODELE, MODELE, OBLIGATOIRES

DOSSIER = Path(__file__).resolve().parent / "correspondances"
SEPARATEUR_GROUPE = " - "


def livrees() -> dict[str, str]:
    """{name: description} of the shipped layouts, SUN's template first."""
    noms = {MODELE: "Modèle CSV de SUN"}
    for chemin in sorted(DOSSIER.glob("*.yaml")):
        noms[chemin.stem] = charger(chemin.stem).contenu.get("description") or chemin.stem
    return noms


def charger(nom_ou_chemin: str | Path) -> Correspondance:
    """A shipped layout by name (`glpi-fr`, `glpi-en`, `modele-sun`) or a mapping file."""
    nom = str(nom_ou_chemin)
    if nom == MODELE:
        return modele()
    livre = DOSSIER / f"{nom}.yaml"
    if "/" not in nom and livre.is_file():
        return Correspondance.depuis_fichier(livre, CIBLE)
    if not Path(nom).is_file():
        raise CorrespondanceInvalide(
            f"Correspondance « {nom} » introuvable : ni une disposition livrée ("
            + ", ".join(livrees()) + ") ni un fichier YAML."
        )  # fmt: skip
    return Correspondance.depuis_fichier(Path(nom), CIBLE)


def depuis_texte(texte: str, chemin: str = "") -> Correspondance:
    return Correspondance.depuis_texte(texte, CIBLE, chemin)


def depuis_dict(contenu: dict, chemin: str = "") -> Correspondance:
    return Correspondance.depuis_dict(contenu, CIBLE, chemin)


def modele() -> Correspondance:
    return Correspondance.depuis_dict(
        {"source": "Modèle SUN", "format": MODELE, "description": "Modèle CSV de SUN",
         "colonnes": {c: c for c in COLONNES_MODELE}}, CIBLE, MODELE,
    )  # fmt: skip


def est_livree(correspondance: Correspondance) -> bool:
    chemin = correspondance.chemin
    return chemin == MODELE or (bool(chemin) and Path(chemin).parent == DOSSIER)


# --- matching a layout to a header ------------------------------------------------------------
def _groupes(correspondance: Correspondance) -> set[str]:
    """The group prefixes its labels use (« Informations financières et administratives »)."""
    return {
        plier(c.split(SEPARATEUR_GROUPE, 1)[0])
        for c in correspondance.colonnes_lues()
        if SEPARATEUR_GROUPE in c
    }


def _court(colonne: str, groupes: set[str]) -> str:
    plie = plier(colonne)
    groupe, _, reste = plie.partition(SEPARATEUR_GROUPE)
    return reste if reste and groupe in groupes else plie


def _trouver(colonne: str, entete: dict[str, str], groupes: set[str]) -> str | None:
    """The header's column for a label of the mapping, with or without its group prefix."""
    return entete.get(plier(colonne)) or entete.get(_court(colonne, groupes))


def adapter(
    correspondance: Correspondance, colonnes: list[str]
) -> tuple[Correspondance, list[str]]:
    """The mapping with the header's own column names, and the labels it names that the file
    lacks. A shipped layout drops the fields whose column is absent; a mapping file keeps
    them (then the file is refused with the list)."""
    groupes = _groupes(correspondance)
    entete: dict[str, str] = {}
    for colonne in colonnes:
        if colonne:
            entete.setdefault(plier(colonne), colonne)
            entete.setdefault(_court(colonne, groupes), colonne)
    souple = est_livree(correspondance)
    contenu = dict(correspondance.contenu)
    manquantes: list[str] = []
    nouvelles = {}
    for champ, libelle in (contenu.get("colonnes") or {}).items():
        trouvee = _trouver(libelle, entete, groupes)
        if trouvee is None:
            manquantes.append(libelle)
            if souple:
                continue
        nouvelles[champ] = trouvee or libelle
    contenu["colonnes"] = nouvelles
    champs = {}
    for champ, regle in (contenu.get("champs") or {}).items():
        regle = dict(regle)
        if "colonne" in regle:
            trouvee = _trouver(regle["colonne"], entete, groupes)
            if trouvee is None:
                manquantes.append(regle["colonne"])
                if souple:
                    continue
            regle["colonne"] = trouvee or regle["colonne"]
        champs[champ] = regle
    contenu["champs"] = champs
    contenu["format"] = "libre"  # only the fields it maps are read (the family is kept apart)
    return Correspondance.depuis_dict(contenu, CIBLE, correspondance.chemin), manquantes


def champs_lus(correspondance: Correspondance) -> set[str]:
    return set(correspondance.colonnes) | set(correspondance.champs)


def obligatoires_absents(correspondance: Correspondance, adaptee: Correspondance) -> list[str]:
    """The labels of the required fields (status, type, one key) the adapted mapping lost."""
    lus = champs_lus(adaptee)
    libelles = {**{c: str((r or {}).get("colonne", c)) for c, r in correspondance.champs.items()},
                **correspondance.colonnes}  # fmt: skip
    absents = [libelles.get(c, c) for c in OBLIGATOIRES if c not in lus]
    if not any(c in lus for c in CLES):
        # Quoted by the messages as « A » ou « B ».
        absents.append(" » ou « ".join(libelles.get(c, c) for c in CLES))
    return absents


def famille(correspondance: Correspondance) -> str:
    return correspondance.format if correspondance.format != "libre" else "glpi"


def reconnaitre(colonnes: list[str]) -> Correspondance:
    """The shipped layout whose required columns are all in this header; else ImportImpossible
    naming, for each known layout, the columns the file lacks."""
    absents_par_nom = {}
    for nom in livrees():
        correspondance = charger(nom)
        adaptee, _ = adapter(correspondance, colonnes)
        absents = obligatoires_absents(correspondance, adaptee)
        if not absents:
            return correspondance
        absents_par_nom[nom] = absents
    raise non_reconnu(colonnes, absents_par_nom)


def non_reconnu(colonnes: list[str], absents_par_nom: dict[str, list[str]]) -> ImportImpossible:
    lues = ", ".join(f"« {c} »" for c in colonnes[:20] if c)
    detail = " ; ".join(
        f"{nom} : il manque {', '.join(f'« {a} »' for a in absents)}"
        for nom, absents in absents_par_nom.items()
    )
    return ImportImpossible(
        "Colonnes non reconnues : ce fichier ne suit aucune des dispositions connues de SUN ("
        + detail + "). Un export GLPI doit montrer au moins les colonnes Statut, Type et Numéro "
        "d'inventaire ou Numéro de série, avec leurs noms d'origine en français ou en anglais ; "
        "pour une autre langue ou des colonnes renommées, décrivez-les dans un fichier de "
        "correspondance YAML (--correspondance FICHIER.yaml). Colonnes lues : " + lues + "."
    )  # fmt: skip
