"""The import of one connectivity file on the shared pipeline (core.imports): open (the sheet
`Communes` of a workbook, its header row found by its first cell) → recognise the kind and
the edition → each row: code (text, folded, leading zero), perimeter, values, duplicates →
written every `taille_lot` rows into the edition → at the end, the edition's rows (within the
perimeter) the file no longer has are deleted, and the duplicated communes refused whole.

Idempotent per edition: one Edition per (kind, date); re-importing it compares each row and
writes only what differs."""

from datetime import date
from pathlib import Path

from django.conf import settings

from sun.connectivite.importation import codes, detection
from sun.connectivite.importation.cuivre import FormeCuivreGouv, FormeCuivreOrange
from sun.connectivite.importation.dates import DateInvalide, lire_date
from sun.connectivite.importation.forme import Forme
from sun.connectivite.importation.ftth import FEUILLE, MARQUEUR, FormeFtth
from sun.connectivite.importation.mci import FormeMci
from sun.connectivite.importation.mobile import FormeMobile
from sun.connectivite.models import Edition, Genre
from sun.core.imports import (
    ColonnesManquantes,
    Importeur,
    ImportImpossible,
    Lecture,
    Rapport,
    ouvrir,
)

GENRES_MCI = (Genre.MCI_MEILLEURE_TECHNO, Genre.MCI_DEBIT_FILAIRE, Genre.MCI_TECHNO)
LIBELLES = {
    "hors_perimetre": "lignes hors du département (non lues)",
    "autres_types": "lignes d'un autre « type » que all (non lues)",
    "repetees": "lignes répétées à l'identique regroupées",
    "trimestres": "valeurs trimestrielles écrites",
}


def forme_du_genre(genre: str) -> Forme:
    if genre in GENRES_MCI:
        return FormeMci(genre)
    return {Genre.FTTH: FormeFtth, Genre.CUIVRE_ORANGE: FormeCuivreOrange,
            Genre.CUIVRE_GOUV: FormeCuivreGouv, Genre.MOBILE: FormeMobile}[genre]()  # fmt: skip


class Ouverture:
    """A Lecture opened on first use, inside the pipeline (a file refused while opening is
    recorded in the journal like any other)."""

    def __init__(self, chemin: Path):
        self.chemin, self._lecture = Path(chemin), None

    def _ouverte(self) -> Lecture:
        if self._lecture is None:
            self._lecture = ouvrir(self.chemin, feuille=FEUILLE if _classeur(self.chemin) else None,
                                   marqueur=(MARQUEUR, "code_insee"))  # fmt: skip
        return self._lecture

    format = property(lambda self: self._ouverte().format)
    colonnes = property(lambda self: self._ouverte().colonnes)
    lignes = property(lambda self: self._ouverte().lignes)


def _classeur(chemin: Path) -> bool:
    with chemin.open("rb") as brut:
        return brut.read(4) == b"PK\x03\x04"


class ImportConnectivite(Importeur):
    genre = "connectivite"
    libelle = "Fichier de connectivité"
    taille_lot = 5000

    def __init__(self, *, genre: str | None = None, edition: date | None = None, tous: bool = False,
                 nom_fichier: str = "", demonstration: bool = False):  # fmt: skip
        self.genre_demande, self.edition_demandee = genre or None, edition
        self.perimetre = "" if tous else settings.SUN_DEPARTEMENT
        self.nom_fichier, self.demonstration = nom_fichier, demonstration
        self.forme: Forme | None = None
        self.date_edition: date | None = None
        self.edition: Edition | None = None
        self.existait = False
        self.vus: dict[str, list] = {}  # key → [line, status, fingerprint]
        self.doublons: set[str] = set()
        # Arrondissements of Paris, Lyon and Marseille, merged into their city until the end.
        self.arrondissements: dict[str, tuple[int, dict]] = {}

    # --- the file -----------------------------------------------------------------------------
    def verifier_lecture(self, lecture: Lecture) -> None:
        genre = detection.detecter_genre(lecture.colonnes)
        detection.verifier_genre(genre, self.genre_demande)
        self.forme = forme_du_genre(genre)
        manquantes = [c for c in self.forme.colonnes if c not in lecture.colonnes]
        if manquantes:
            raise ColonnesManquantes(manquantes, list(self.forme.colonnes))
        if isinstance(self.forme, FormeFtth):
            self.forme.preparer_colonnes(lecture.colonnes)
        self.date_edition = detection.date_edition(genre, self.nom_fichier, lecture.colonnes,
                                                   self.edition_demandee)  # fmt: skip
        self.libelle, self.source = Genre(genre).label, self.forme.source

    def preparer(self, rapport: Rapport) -> None:
        rapport.libelle, rapport.source = self.libelle, self.source
        rapport.libelles_autres.update(LIBELLES)
        if self.perimetre:
            rapport.autres["hors_perimetre"] = 0

    # --- rows ---------------------------------------------------------------------------------
    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        forme = self.forme
        if forme.genre in GENRES_MCI and (ligne.get("type") or "").strip() != "all":
            _compter(rapport, "autres_types")
            return None
        brut = ligne.get(forme.colonne_code)
        try:
            code, note = codes.normaliser(brut, (ligne.get(forme.colonne_departement) or "")
                                          if forme.colonne_departement else "")  # fmt: skip
        except codes.CodeInvalide as exc:
            rapport.refuser(numero, forme.colonne_code, brut, str(exc))
            return None
        if not codes.dans_perimetre(code, self.perimetre):
            rapport.autres["hors_perimetre"] += 1
            return None
        if forme.genre in GENRES_MCI and not self._date_de_la_ligne(numero, ligne, rapport):
            return None
        valeurs = forme.convertir(numero, ligne, rapport)
        if valeurs is None:
            return None
        if note:
            rapport.avertir(numero, forme.colonne_code, brut, note)
        valeurs["code_insee"] = code
        if brut is not None and str(brut).strip() in codes.PLM and self._regrouper(numero, valeurs):
            return None
        return self._unique(numero, valeurs, rapport)

    def _regrouper(self, numero: int, valeurs: dict) -> bool:
        """Keep an arrondissement's row aside, merged with the others of its city (written by
        `terminer`); False when this kind of file cannot merge them."""
        cle = self.forme.cle_de(valeurs)
        deja = self.arrondissements.get(cle)
        if deja is None:
            self.arrondissements[cle] = (numero, valeurs)
            return True
        fusion = self.forme.fusionner(deja[1], valeurs)
        if fusion is None:
            return False
        self.arrondissements[cle] = (deja[0], fusion)
        return True

    def _date_de_la_ligne(self, numero: int, ligne: dict, rapport: Rapport) -> bool:
        try:
            jour = lire_date(ligne.get("date"))
        except DateInvalide as exc:
            rapport.refuser(numero, "date", ligne.get("date"), str(exc))
            return False
        if jour is None:
            rapport.refuser(numero, "date", "", "date de l'édition manquante")
            return False
        if self.date_edition is None:
            detection.verifier_edition(jour, self.edition_demandee)
            self.date_edition = jour
        elif jour != self.date_edition:
            rapport.refuser(numero, "date", ligne.get("date"), f"date d'une autre édition que "
                            f"celle du fichier ({self.date_edition:%d/%m/%Y})")  # fmt: skip
            return False
        return True

    def _unique(self, numero: int, valeurs: dict, rapport: Rapport) -> dict | None:
        cle = self.forme.cle_de(valeurs)
        vu = self.vus.get(cle)
        if vu is None:
            empreinte = (
                hash(self.forme.empreinte(valeurs)) if self.forme.repetitions_identiques else 0
            )
            self.vus[cle] = [numero, "", empreinte]
            return valeurs
        identique = self.forme.repetitions_identiques and cle not in self.doublons
        if identique and vu[2] == hash(self.forme.empreinte(valeurs)):
            _compter(rapport, "repetees")
            return None
        self.doublons.add(cle)
        rapport.refuser(numero, self.forme.colonne_code, valeurs["code_insee"],
                        f"commune en double dans le fichier (déjà ligne {vu[0]}) : toutes ses "
                        "lignes sont refusées")  # fmt: skip
        return None

    # --- writes -------------------------------------------------------------------------------
    def _edition(self) -> Edition:
        if self.edition is None:
            self.edition, creee = Edition.objects.get_or_create(
                genre=self.forme.genre, date_edition=self.date_edition,
                defaults={"source": self.forme.source, "source_url": self.forme.source_url,
                          "perimetre": self.perimetre, "demonstration": self.demonstration},
            )  # fmt: skip
            self.existait = not creee
        return self.edition

    def ecrire(self, valeurs: list[dict], rapport: Rapport) -> None:
        if not valeurs:
            return
        edition = self._edition()
        statuts = self.forme.ecrire(edition.pk, valeurs)
        for cle, statut in statuts.items():
            self.vus[cle][1] = statut
            _compter_statut(rapport, statut, +1)

    def terminer(self, rapport: Rapport) -> None:
        regroupees = [self._unique(numero, valeurs, rapport)
                      for numero, valeurs in self.arrondissements.values()]  # fmt: skip
        self.ecrire([v for v in regroupees if v is not None], rapport)
        if self.edition is None:
            if rapport.refusees:
                return  # every line refused: the report says why
            raise ImportImpossible(
                "Aucune ligne retenue : le fichier n'a aucune commune"
                + (f" du département {self.perimetre} (importez-le avec --tous pour toute la "
                   "France)" if self.perimetre else "") + ". Rien n'a été enregistré."
            )  # fmt: skip
        for cle in self.doublons:
            numero, statut, _ = self.vus[cle]
            rapport.refuser(numero, self.forme.colonne_code, cle.split("|")[0],
                            "commune en double dans le fichier : toutes ses lignes sont refusées")  # fmt: skip
            _compter_statut(rapport, statut, -1)
            if statut == "n":
                self.vus[cle][1] = "x"  # deleted below, it was not there before the import
        self._retirer_absents(rapport)
        if getattr(self.forme, "points", 0):
            rapport.autres["trimestres"] = self.forme.points
        self._mettre_a_jour_edition(rapport)

    def _retirer_absents(self, rapport: Rapport) -> None:
        """Delete the edition's rows (within the perimeter) absent from the file or duplicated."""
        if not self.existait and not self.doublons:
            return
        pks, cles = [], set()
        for pk, cle in self.forme.existantes(self.edition.pk, self.perimetre):
            vu = self.vus.get(cle)
            if vu is not None and cle not in self.doublons:
                continue
            pks.append(pk)
            cles.add(cle)
            if vu is None or vu[1] != "x":
                rapport.noter_fermeture(f"{cle.replace('|', ' ')} (édition du "
                                        f"{self.date_edition:%d/%m/%Y})")  # fmt: skip
        self.forme.supprimer(self.edition.pk, pks, cles)

    def _mettre_a_jour_edition(self, rapport: Rapport) -> None:
        edition = self.edition
        perimetre = (
            self.perimetre if (not self.existait or edition.perimetre == self.perimetre) else ""
        )
        changements = {
            "fichier": (self.nom_fichier or rapport.fichier)[:300], "perimetre": perimetre,
            "source": self.forme.source, "source_url": self.forme.source_url,
            "demonstration": self.demonstration and (not self.existait or edition.demonstration),
        }  # fmt: skip
        if rapport.modifications or any(getattr(edition, k) != v for k, v in changements.items()):
            for champ, valeur in changements.items():
                setattr(edition, champ, valeur)
            edition.save()


def _compter(rapport: Rapport, cle: str) -> None:
    rapport.autres[cle] = rapport.autres.get(cle, 0) + 1


def _compter_statut(rapport: Rapport, statut: str, sens: int) -> None:
    if statut == "n":
        rapport.nouveaux += sens
    elif statut == "m":
        rapport.modifies += sens
    elif statut == "i":
        rapport.inchanges += sens
