"""Which connectivity file is this, and which edition: the kind from its header (and sheet),
the edition date from its content or its name. Every refusal is a French message."""

import re
from datetime import date

from sun.connectivite.importation.dates import fin_de_trimestre
from sun.connectivite.models import Genre
from sun.core.imports import ImportImpossible

TRIMESTRE = re.compile(r"^T([1-4]) (\d{4})$")
NOM_FTTH = re.compile(r"(\d{4})t([1-4])-obs-hd-thd-deploiement", re.IGNORECASE)
NOM_MOBILE = re.compile(r"(\d{4})_?T([1-4])_op_communes", re.IGNORECASE)
NOM_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
NOM_COMPACT = re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)")

MCI = {"code_insee", "nbr", "type", "date"}
SIGNATURES = [  # (kind, columns that tell it), the first that fits wins
    (Genre.MCI_MEILLEURE_TECHNO, MCI | {"nbr_elig_8", "elig_ftth"}),
    (Genre.MCI_DEBIT_FILAIRE, MCI | {"inel_hd", "elig_thd30"}),
    (Genre.MCI_TECHNO, MCI | {"elig_ftth", "elig_cu"}),
    (Genre.FTTH, {"Code commune"}),
    (Genre.CUIVRE_GOUV, {"code_insee", "lot", "output usager"}),
    (Genre.CUIVRE_GOUV, {"code_insee", "lot", "Code_postal", "annee_fermeture_technique"}),
    (Genre.CUIVRE_ORANGE, {"code_insee", "lot", "fermeture_commerciale", "fermeture_technique"}),
    (Genre.MOBILE, {"techno", "mcc_mnc", "commune", "couv_nc"}),
]


def detecter_genre(colonnes: list[str] | None) -> Genre:
    """The kind of file its header says; ImportImpossible when it is none of them."""
    presentes = set(colonnes or [])
    for genre, signature in SIGNATURES:
        if signature <= presentes:
            return genre
    apercu = ", ".join((colonnes or [])[:8]) or "aucune"
    raise ImportImpossible(
        "Fichier non reconnu : ce n'est ni un fichier « Ma connexion internet » de l'Arcep "
        "(commune_meilleure_techno_thd, commune_debit_filaire, commune_techno), ni le classeur "
        "de l'observatoire FttH (feuille « Communes »), ni un fichier de fermeture du cuivre "
        "(Orange ou data.economie.gouv.fr), ni un fichier « Mon réseau mobile » "
        f"(AAAATn_op_communes.csv). Colonnes lues : {apercu}."
    )


def verifier_genre(detecte: str, demande: str | None) -> None:
    if demande and demande != detecte:
        raise ImportImpossible(
            f"Ce fichier est un fichier « {Genre(detecte).label} », pas « {Genre(demande).label} »"
            " comme demandé : vérifiez le fichier ou le type choisi."
        )


def trimestres(colonnes: list[str]) -> dict[str, date]:
    """{column: end of quarter} of the quarter columns of the FttH workbook (« T4 2017 »)."""
    trouves = {}
    for colonne in colonnes:
        if m := TRIMESTRE.match(colonne.strip()):
            trouves[colonne] = fin_de_trimestre(int(m[2]), int(m[1]))
    return trouves


def date_du_nom(genre: str, nom: str) -> date | None:
    """The edition date a file's name gives, when its kind names its files so."""
    if genre == Genre.FTTH and (m := NOM_FTTH.search(nom)):
        return fin_de_trimestre(int(m[1]), int(m[2]))
    if genre == Genre.MOBILE and (m := NOM_MOBILE.search(nom)):
        return fin_de_trimestre(int(m[1]), int(m[2]))
    if genre in (Genre.CUIVRE_ORANGE, Genre.CUIVRE_GOUV):
        for motif in (NOM_ISO, NOM_COMPACT):
            if m := motif.search(nom):
                try:
                    return date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    continue
    return None


def date_edition(genre: str, nom: str, colonnes: list[str], demandee: date | None) -> date | None:
    """The edition of a file before its rows are read (None: its rows give it, MCI's `date`).

    FttH: the last quarter column (the file name must agree); mobile: the name
    (`2023T3_op_communes.csv`); copper: a date in the name, else `demandee` (--edition).
    A date asked for that the file contradicts, or none at all, is refused."""
    if genre in (Genre.MCI_MEILLEURE_TECHNO, Genre.MCI_DEBIT_FILAIRE, Genre.MCI_TECHNO):
        return None
    du_nom = date_du_nom(genre, nom)
    if genre == Genre.FTTH:
        colonnes_t = trimestres(colonnes)
        if not colonnes_t:
            raise ImportImpossible(
                "Classeur FttH sans colonne de trimestre (« T4 2017 », « T1 2018 »…) dans la "
                "ligne d'en-tête de la feuille « Communes »."
            )
        trouvee = max(colonnes_t.values())
        if du_nom and du_nom != trouvee:
            raise ImportImpossible(
                f"Le nom du fichier annonce l'édition du {du_nom:%d/%m/%Y} mais son dernier "
                f"trimestre est celui du {trouvee:%d/%m/%Y} : vérifiez le fichier."
            )
    else:
        trouvee = du_nom
    if trouvee is None and demandee is None:
        exemple = "2023T3_op_communes.csv" if genre == Genre.MOBILE else "fichier-2025-03-31.csv"
        raise ImportImpossible(
            f"Date d'édition inconnue pour ce fichier « {Genre(genre).label} » : donnez-la "
            f"(--edition AAAA-MM-JJ, ou le champ « date de l'édition ») ou nommez le fichier "
            f"avec sa date (par exemple {exemple})."
        )
    verifier_edition(trouvee, demandee)
    return trouvee or demandee


def verifier_edition(trouvee: date | None, demandee: date | None) -> None:
    if trouvee and demandee and trouvee != demandee:
        raise ImportImpossible(
            f"Ce fichier est l'édition du {trouvee:%d/%m/%Y}, pas celle du {demandee:%d/%m/%Y} "
            "demandée : vérifiez le fichier ou la date donnée."
        )
