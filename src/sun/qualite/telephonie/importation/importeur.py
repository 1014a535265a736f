"""The import of call records on the shared pipeline (core.imports): open (a headerless file
with its mapping's `entete`, or the layout recognised from the header) → map → check each row
(conversion) → group legs (regroupement, Webex) → write in bulk (ecriture).

Streaming: rows are written every `taille_lot` accepted rows (grouped legs are merged in
memory, a few hundred bytes per call, and written at the end). Idempotent: the key is
(source, identifiant); re-importing the same file writes nothing. Queues unknown so far are
created and listed in the report, to be tied to a service."""

from pathlib import Path

from django.conf import settings

from sun.core.imports import (
    Correspondance,
    CorrespondanceInvalide,
    Importeur,
    ImportImpossible,
    Lecture,
    Rapport,
    ouvrir,
)
from sun.qualite.telephonie.importation import correspondances as c
from sun.qualite.telephonie.importation import ecriture
from sun.qualite.telephonie.importation.conversion import Convertisseur, Jambe
from sun.qualite.telephonie.importation.regroupement import Groupes

LIBELLES = {"files_creees": "files d'attente créées (à rattacher à un service)",
            "hors_file": "appels directs écartés (sans file d'attente)"}  # fmt: skip
SOURCE_DEMO = "Démonstration (appels générés)"


class ImportAppels(Importeur):
    genre = "telephonie"
    libelle = "Relevés d'appels téléphoniques"
    taille_lot = 5000

    def __init__(self, correspondance: Correspondance | str | None = None, *, source: str = "",
                 demonstration: bool = False):  # fmt: skip
        self.nom_correspondance = correspondance if isinstance(correspondance, str) else ""
        self.correspondance = None if isinstance(correspondance, str) else correspondance
        if self.nom_correspondance and self.nom_correspondance != c.MODELE:
            self.correspondance = c.charger(self.nom_correspondance)
        self.source_demandee = (source or "").strip()
        self.demonstration = demonstration
        self.source = self.source_demandee or (
            self.correspondance.source if self.correspondance else ""
        )
        self.vus: set[int] = set()
        self.groupes: Groupes | None = None

    # --- opening: which layout ---------------------------------------------------------------
    def ouvrir(self, chemin: Path) -> Lecture:
        if self.correspondance is not None and self.correspondance.entete:
            lecture = ouvrir(chemin, entete=self.correspondance.entete)
        else:
            lecture = ouvrir(chemin)
            if self.correspondance is None:
                self.correspondance = self._choisir(chemin, lecture.colonnes)
                if self.correspondance.entete:
                    return self.ouvrir(chemin)
        self._verifier_correspondance()
        return lecture

    def _choisir(self, chemin: Path, colonnes: list[str] | None) -> Correspondance:
        """The layout of a file no mapping file was given for: SUN's template if asked (or
        if its columns are there), else the shipped layout its header (or first line) fits."""
        if colonnes is None:
            raise ImportImpossible("Fichier JSON : choisissez sa correspondance (--correspondance "
                                   "asterisk-cdr, webex-calling, modele-sun ou un fichier YAML).")  # fmt: skip
        if self.nom_correspondance == c.MODELE:
            manquantes = [m for m in c.OBLIGATOIRES_MODELE if m not in colonnes]
            if manquantes:
                raise ImportImpossible("Colonnes du modèle SUN absentes du fichier : "
                                       + ", ".join(manquantes) + " (sun telephonie modele écrit "
                                       "le modèle).")  # fmt: skip
            return c.modele(colonnes)
        choisie = c.reconnaitre(colonnes)
        if choisie is None and c.ressemble_a_asterisk(chemin):
            choisie = c.charger("asterisk-cdr")
        if choisie is None:
            raise c.non_reconnu(colonnes)
        return choisie

    def _verifier_correspondance(self) -> None:
        corr = self.correspondance
        colonnes_appelant = {
            corr.colonnes.get("appelant"),
            (corr.champs.get("appelant") or {}).get("colonne"),
        }
        for condition in corr.ignorer:
            if condition.colonne in colonnes_appelant - {None}:
                raise CorrespondanceInvalide(
                    "Correspondance refusée : une condition « ignorer » porte sur la colonne du "
                    f"numéro appelant (« {condition.colonne} ») ; le numéro serait recopié dans "
                    "le rapport des lignes. Il n'est jamais écrit en clair."
                )
        self.source = self.source or corr.source or "Relevé téléphonique"

    def verifier_lecture(self, lecture: Lecture) -> None:
        formats = {
            champ: r["format"] for champ, r in self.correspondance.champs.items() if "format" in r
        }
        self.convertisseur = Convertisseur(self.correspondance.fuseau, formats,
                                           getattr(settings, "SUN_TELEPHONIE_CLE", ""))  # fmt: skip
        self.groupe = (
            "appel" in self.correspondance.colonnes or "appel" in self.correspondance.champs
        )
        self.groupes = Groupes() if self.groupe else None
        nom = Path(self.correspondance.chemin).stem if self.correspondance.chemin else "jointe"
        self.format_lu = f"{lecture.format}, correspondance {nom}"

    # --- rows -------------------------------------------------------------------------------
    def preparer(self, rapport: Rapport) -> None:
        rapport.source = self.source
        rapport.format = self.format_lu
        rapport.libelles_autres.update(LIBELLES)
        self.files = ecriture.files_connues()

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> Jambe | None:
        jambe = self.convertisseur.convertir(numero, ligne, rapport, self.groupe)
        if jambe is None or self.groupe:
            return jambe
        cle = hash(jambe.identifiant)
        if cle in self.vus:
            rapport.refuser(numero, "identifiant", jambe.identifiant,
                            "identifiant en double dans le fichier : ligne ignorée")  # fmt: skip
            return None
        self.vus.add(cle)
        return jambe

    def ecrire(self, jambes: list[Jambe], rapport: Rapport) -> None:
        if self.groupes is not None:
            self.groupes.ajouter(jambes)
        else:
            self._ecrire(jambes, rapport)

    def terminer(self, rapport: Rapport) -> None:
        if self.groupes is None:
            return
        lot = []
        for appel in self.groupes.appels_finis():
            if appel is None:
                rapport.autres["hors_file"] = rapport.autres.get("hors_file", 0) + 1
                continue
            lot.append(appel)
            if len(lot) >= self.taille_lot:
                self._ecrire(lot, rapport)
                lot = []
        self._ecrire(lot, rapport)
        self.groupes = None

    def _ecrire(self, appels: list[Jambe], rapport: Rapport) -> None:
        if not appels:
            return
        nouvelles = {a.file for a in appels} - self.files.keys()
        if nouvelles:
            self.files.update(ecriture.creer_files(nouvelles, demonstration=self.demonstration))
            rapport.autres["files_creees"] = rapport.autres.get("files_creees", 0) + len(nouvelles)
            for code in sorted(nouvelles):
                rapport.noter_changement(f"nouvelle file d'attente « {code} » : à rattacher à "
                                         "un service (espace agents › Téléphonie)")  # fmt: skip
        lignes = [
            ecriture.ligne(a, self.files[a.file], self.source, self.demonstration) for a in appels
        ]
        connus = ecriture.existants(self.source, [a.identifiant for a in appels])
        nouveaux, modifies, inchanges = ecriture.ecrire(lignes, connus)
        rapport.nouveaux += nouveaux
        rapport.modifies += modifies
        rapport.inchanges += inchanges
