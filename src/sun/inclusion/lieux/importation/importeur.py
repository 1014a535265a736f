"""The import of a file of places, as named stages on the shared pipeline:

read (core.imports) → convert and normalise (conversion) → locate (lieux.localisation) →
match known sources (rapprochement) → write in bulk (ecriture) → close vanished (fermeture)
→ detect duplicates (lieux.dedoublonnage).

Re-importing the same file changes nothing; a place that vanished from its source is closed
with a date (unless `partiel`: the file holds only part of the source); `essai` computes
everything, reports it, and rolls back.
"""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from sun.core.imports import (
    Correspondance,
    Importeur,
    ImportImpossible,
    Lecture,
    Rapport,
    Rejet,
    executer,
)
from sun.inclusion.lieux import dedoublonnage
from sun.inclusion.lieux import normalisation as n
from sun.inclusion.lieux.importation import conversion, ecriture, fermeture, rapprochement
from sun.inclusion.lieux.importation.fiche import CHAMPS_LIEU, Fiche, empreinte, identifiant
from sun.inclusion.lieux.importation.fiche import texte_court as _texte
from sun.inclusion.lieux.localisation import Referentiel, localiser
from sun.inclusion.models import SOURCE_DEMO, ImportLieux

LIBELLES = {"fusionnes": "doublons fusionnés", "doublons_a_examiner": "paires à examiner"}


class ImportDeLieux(Importeur):
    genre = "lieux"
    libelle = "Lieux de médiation numérique"
    taille_lot = 2000  # rows written at a time: memory stays flat however big the file

    def __init__(self, source: str, *, partiel: bool = False,
                 correspondance: Correspondance | None = None, auteur=None):  # fmt: skip
        self.source = (source or (correspondance.source if correspondance else "")).strip()
        if not self.source:
            raise ImportImpossible("Indiquez le nom de la source (--source).")
        self.partiel, self.correspondance, self.auteur = partiel, correspondance, auteur
        self.version: str | None = correspondance.format if correspondance else None
        self.vus: set[str] = set()
        self.aujourd_hui = timezone.localdate()
        self.maintenant = timezone.now()
        self.referentiel = Referentiel()
        self.touches: set[str] = set()  # new or changed places: compared for duplicates

    def colonnes_requises(self) -> list[str]:
        return self.correspondance.colonnes_lues() if self.correspondance else []

    def verifier_lecture(self, lecture: Lecture) -> None:
        if lecture.colonnes is not None:
            self._detecter(lecture.colonnes)
        self.format_lu = lecture.format

    def _detecter(self, colonnes) -> None:
        if self.version is None:
            self.version = conversion.detecter_format(set(colonnes))
        if self.version is None:
            raise ImportImpossible(
                "Colonnes non reconnues : ni le standard v1 ni le v0.1. Décrivez cette source "
                "dans un fichier de correspondance (--correspondance), voir "
                "docs/correspondances.md. Colonnes lues : " + ", ".join(list(colonnes)[:20]) + "."
            )

    def preparer(self, rapport: Rapport) -> None:
        self.rapport = rapport
        rapport.libelles_autres.update(LIBELLES)
        self.connus = rapprochement.connus(self.source)  # what the source had, by its ids
        self.ecrites = 0
        self.lot = ImportLieux.objects.create(
            source=self.source, fichier=rapport.fichier, format="", auteur=self.auteur,
            essai=rapport.essai, partiel=self.partiel,
        )  # fmt: skip

    def convertir(self, numero: int, brut: dict, rapport: Rapport) -> Fiche | None:
        if self.version is None:  # JSON: no header, the first record tells
            self._detecter(brut.keys())
        signalements = n.Signalements()
        ligne = brut
        if self.version == "v0.1":
            ligne = conversion.v01_vers_v1(
                {k.strip().lower(): v for k, v in ligne.items()}, signalements
            )
        valeurs = conversion.normaliser(ligne, self.aujourd_hui, signalements)
        if not signalements.rejet:
            commune_pk, precision = localiser(valeurs, self.referentiel, signalements)
        for s in signalements.liste:
            rapport.signaler(Rejet(numero, s.champ, s.valeur, s.raison, s.gravite))
        if signalements.rejet:
            return None
        cle = identifiant(valeurs)
        if cle in self.vus:
            rapport.refuser(
                numero, "id", cle, "identifiant en double dans le fichier : ligne ignorée"
            )
            return None
        self.vus.add(cle)
        champs = {c: valeurs[c] for c in CHAMPS_LIEU}
        return Fiche(numero, cle, champs, empreinte(champs), commune_pk, precision,
                     not signalements.date_estimee, signalements.a_verifier)  # fmt: skip

    def ecrire(self, fiches: list[Fiche], rapport: Rapport) -> None:
        """One batch (TAILLE_LOT rows): new places created, changed ones updated."""
        resultat = rapprochement.rapprocher_lot(fiches, self.connus)
        depart = self.maintenant + timedelta(microseconds=self.ecrites)
        self.ecrites += len(resultat.nouvelles)
        for cle, nom, commune in ecriture.creer(resultat.nouvelles, self.lot, depart):
            self.touches.add(str(cle))
            rapport.noter_changement(f"nouveau : {nom} ({commune})")
        rapport.nouveaux += len(resultat.nouvelles)
        rapport.inchanges += resultat.inchangees
        for lieu, differences in ecriture.mettre_a_jour_lieux(
            resultat.modifiees, self.lot, self.aujourd_hui
        ):
            self.touches.add(str(lieu.pk))
            detail = " ; ".join(
                f"{c} : « {_texte(v[0])} » → « {_texte(v[1])} »" for c, v in differences.items()
            )
            rapport.noter_changement(f"modifié : {lieu.nom} — {detail or 'rouvert'}")
        rapport.modifies += len(resultat.modifiees)

    def terminer(self, rapport: Rapport) -> None:
        restes = rapprochement.disparus(self.connus)
        ecriture.marquer_vus(self.source, restes.non_vus, self.lot, self.maintenant)
        if not self.partiel:
            disparus = fermeture.fermer_disparus(restes.absents, self.lot, self.aujourd_hui)
            for lieu in disparus:
                rapport.noter_fermeture(f"{lieu.nom} ({lieu.commune})")
        if self.touches and self.source != SOURCE_DEMO:
            fusions, a_revoir = dedoublonnage.detecter_doublons(self.touches, auteur=self.auteur)
            rapport.autres.update(fusionnes=fusions, doublons_a_examiner=a_revoir)
        rapport.format = f"{self.format_lu}, standard {self.version}" + (
            f", correspondance {Path(self.correspondance.chemin).name}"
            if self.correspondance and self.correspondance.chemin
            else ""
        )
        self.lot.format = rapport.format
        self.lot.compteurs = rapport.compteurs
        self.lot.rapport = rapport.chemin_rapport
        self.lot.save(update_fields=["format", "compteurs", "rapport"])


def importer_lieux(
    chemin: Path,
    source: str,
    *,
    essai: bool = False,
    partiel: bool = False,
    mapping: Correspondance | None = None,
    auteur=None,
    nom_fichier: str | None = None,
    progression=None,
    confirmer: bool = False,
) -> Rapport:
    """Import a file of places from `source` in one transaction (see the module's docstring)."""
    importeur = ImportDeLieux(source, partiel=partiel, correspondance=mapping, auteur=auteur)
    return executer(importeur, Path(chemin), essai=essai, auteur=auteur,
                    nom_fichier=nom_fichier, progression=progression, confirmer=confirmer)  # fmt: skip
