"""The import of an IT inventory on the shared pipeline (core.imports): open the file →
choose its layout (named, or recognised from the header: GLPI in French or English, SUN's
template) → find the keys the file repeats (one quick pass over the key columns) → each row
(conversion) → written every `taille_lot` rows in bulk (ecriture).

Idempotent: an item is keyed by (source, inventory number, else serial number); re-importing
the same file writes nothing. A key the file repeats refuses all its lines (nothing else is
lost). Statuses and types are translated by the source's tables (created with the defaults
of its family the first time); an unknown one refuses its lines and is listed once, to be
mapped in the agent space."""

from collections import Counter
from datetime import date
from pathlib import Path

from django.conf import settings

from sun.core.imports import (
    ColonnesManquantes,
    Correspondance,
    Importeur,
    ImportImpossible,
    Lecture,
    Rapport,
    ouvrir,
)
from sun.parc.importation import dispositions, ecriture, queries
from sun.parc.importation.conversion import Contexte, Convertisseur
from sun.parc.importation.lot import ecrire_lot
from sun.parc.importation.tables import Table
from sun.parc.importation.valeurs import numero, numeros_du_fichier

LIBELLES = {
    "sites_crees": "sites créés",
    "sorties": "sorties du parc créées",
    "reformes_sans_date": "réformés sans date (date de réforme à compléter)",
    "types_autre": "équipements de type inconnu classés en « autre »",
    "sorti_garde": "équipements sortis dans SUN gardés sortis",
    "absents": "équipements de la source absents du fichier (gardés)",
}
TYPES_INCONNUS = ("refuser", "autre")


class ImportInventaire(Importeur):
    genre = "parc"
    libelle = "Inventaire du parc informatique"
    taille_lot = 5000

    def __init__(self, correspondance: Correspondance | str | None = None, *, source: str = "",
                 types_inconnus: str = "refuser", demonstration: bool = False, auteur=None):  # fmt: skip
        self.demandee = correspondance if isinstance(correspondance, Correspondance) else None
        if isinstance(correspondance, str) and correspondance:
            self.demandee = dispositions.charger(correspondance)
        self.source_demandee = (source or "").strip()[:100]
        self.types_en_autre = types_inconnus == "autre"
        self.demonstration, self.auteur = demonstration, auteur
        self.source = self.source_demandee
        self.chemin: Path | None = None
        self.famille = "glpi"
        self.doublons: dict[str, list[int]] = {}
        self.cles_du_fichier: set[str] = set()

    # --- opening: which layout ------------------------------------------------------------------
    def ouvrir(self, chemin: Path) -> Lecture:
        self.chemin = Path(chemin)
        lecture = ouvrir(self.chemin)
        if lecture.colonnes is None:
            raise ImportImpossible("Fichier JSON : un inventaire s'importe en CSV (export GLPI ou "
                                   "modèle SUN) ou en XLSX.")  # fmt: skip
        colonnes = list(lecture.colonnes)
        choisie = self.demandee or dispositions.reconnaitre(colonnes)
        adaptee, manquantes = dispositions.adapter(choisie, colonnes)
        absents = dispositions.obligatoires_absents(choisie, adaptee)
        if absents or (manquantes and not dispositions.est_livree(choisie)):
            raise _manquantes(absents or manquantes, choisie, colonnes)
        self.famille = dispositions.famille(choisie)
        self.nom_disposition = Path(choisie.chemin).stem if choisie.chemin else "jointe"
        self.correspondance = adaptee
        self.source = self.source_demandee or choisie.source or "Inventaire"
        self.format_lu = f"{lecture.format}, disposition {self.nom_disposition}"
        return lecture

    def verifier_lecture(self, lecture: Lecture) -> None:
        self.doublons = self._doublons()

    def _doublons(self) -> dict[str, list[int]]:
        """{key: its line numbers} of the keys the file repeats (a quick pass over the two
        number columns only)."""
        corr = self.correspondance
        premieres: dict[str, int] = {}
        doublons: dict[str, list[int]] = {}
        self.cles_du_fichier = premieres.keys()
        colonnes = (corr.colonnes.get("numero_inventaire"), corr.colonnes.get("numero_serie"))
        for numero_ligne, inventaire, serie in numeros_du_fichier(self.chemin, *colonnes):
            inventaire = numero(inventaire)[0] if inventaire else ""
            if inventaire:
                cle = f"inv:{inventaire}"  # as services.cle_de
            else:
                serie = numero(serie)[0] if serie else ""
                if not serie:
                    continue
                cle = f"ns:{serie}"
            premiere = premieres.setdefault(cle, numero_ligne)
            if premiere != numero_ligne:
                doublons.setdefault(cle, [premiere]).append(numero_ligne)
        return doublons

    # --- rows -------------------------------------------------------------------------------------
    def preparer(self, rapport: Rapport) -> None:
        rapport.source, rapport.format = self.source, self.format_lu
        rapport.libelles_autres.update(LIBELLES)
        statuts, types = ecriture.tables_de_la_source(self.source, self.famille)
        par_code, par_nom = queries.communes()
        defaut = getattr(settings, "SUN_PARC_COMMUNE", "") or ""
        formats = {c: str(r["format"]) for c, r in self.correspondance.champs.items()
                   if "format" in r}  # fmt: skip
        self.contexte = Contexte(
            source=self.source, lus=dispositions.champs_lus(self.correspondance),
            statuts=Table(statuts), types=Table(types), types_en_autre=self.types_en_autre,
            formats=formats, communes_par_code=par_code, communes_par_nom=par_nom,
            commune_defaut=par_code.get(defaut),
            site_depuis=getattr(settings, "SUN_PARC_SITE_DEPUIS", "entite"),
            doublons=self.doublons,
        )  # fmt: skip
        self.convertisseur = Convertisseur(self.contexte)
        self.sites = queries.sites()
        self.source_vide = queries.source_vide(self.source)
        self.jour = date.today()
        self.commentaire = f"Import {self.source} (fichier {rapport.fichier})"[:500]
        self.auteur_id = getattr(self.auteur, "pk", None)

    def convertir(self, numero_ligne: int, ligne: dict, rapport: Rapport) -> dict | None:
        return self.convertisseur.convertir(numero_ligne, ligne, rapport)

    def ecrire(self, valeurs: list[dict], rapport: Rapport) -> None:
        if valeurs:
            ecrire_lot(self, valeurs, rapport)

    def terminer(self, rapport: Rapport) -> None:
        c = self.contexte
        if c.types_autre:
            ecriture.accepter_en_autre(self.source, c.types_autre)
            rapport.autres["types_autre"] = sum(c.types_autre.values())
        if c.reformes_sans_date:
            rapport.autres["reformes_sans_date"] = c.reformes_sans_date
        for quoi, inconnus in (("statut", c.statuts_inconnus), ("type", c.types_inconnus)):
            for valeur, n in sorted(inconnus.items(), key=lambda p: (-p[1], p[0])):
                rapport.noter_changement(f"{quoi} inconnu « {valeur or '(vide)'} » ({n} lignes "
                                         "refusées) : à faire correspondre dans l'espace agents")  # fmt: skip
        absents = (
            0 if self.source_vide else queries.absents_du_fichier(self.source, self.cles_du_fichier)
        )
        if absents:
            rapport.autres["absents"] = absents
        rapport.a_faire_correspondre = {
            "source": self.source, "statuts": _liste(c.statuts_inconnus),
            "types": _liste(c.types_inconnus),
        }  # fmt: skip


def _manquantes(manquantes: list[str], choisie: Correspondance, colonnes) -> ColonnesManquantes:
    nom = Path(choisie.chemin).stem if choisie.chemin else "jointe"
    erreur = ColonnesManquantes(manquantes)
    erreur.args = (
        f"Colonnes absentes du fichier pour la disposition « {nom} » : "
        + ", ".join(f"« {m} »" for m in manquantes) + ". Dispositions connues : "
        + " ; ".join(f"{n} ({d})" for n, d in dispositions.livrees().items())
        + ". Colonnes lues : " + ", ".join(f"« {c} »" for c in colonnes[:20] if c) + ".",
    )  # fmt: skip
    return erreur


def _liste(compteur: Counter) -> list[tuple[str, int]]:
    return sorted(compteur.items(), key=lambda p: (-p[1], p[0]))
