"""One report for every import: counters, rejected lines, warnings and the diff.

Every rejected or reported value is a `Rejet` (line, field, value, reason, severity). They
are written as they come to one CSV file per import (`ligne, champ, valeur, raison, gravite`),
so memory stays bounded; the first `AFFICHES` are kept for the screen. The CSV file keeps at
most `max_lignes` lines (SUN_IMPORT_RAPPORT_MAX_LIGNES) and then counts what it left out, so
that a huge bad file does not write a report bigger than itself.
"""

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

from sun.core.tableur import ecrivain_csv

AFFICHES = 200
ENTETE_CSV = ["ligne", "champ", "valeur", "raison", "gravite"]

# Severities: a refused line is not imported; the others are imported with a note.
REJET, CORRECTION, SUPPRESSION, ALERTE = "rejet", "correction", "suppression", "alerte"
IGNOREE = "ignoree"  # skipped on purpose by the mapping (closed, inactive…)
LIBELLES_GRAVITE = {
    IGNOREE: "ligne ignorée",
    REJET: "refusée",
    CORRECTION: "valeur corrigée",
    SUPPRESSION: "valeur écartée",
    ALERTE: "avertissement",
}


class Rejet(NamedTuple):
    """A rejected line or a reported value (a tuple: line, field, value, reason, severity)."""

    ligne: int | str
    champ: str
    valeur: str
    raison: str
    gravite: str = REJET

    @property
    def position(self) -> str:
        return f"ligne {self.ligne}" if isinstance(self.ligne, int) else str(self.ligne)

    @property
    def libelle_gravite(self) -> str:
        return LIBELLES_GRAVITE.get(self.gravite, self.gravite)


@dataclass
class Rapport:
    """What an import did (or, for a dry run, would do)."""

    genre: str
    libelle: str
    fichier: str = ""
    source: str = ""
    format: str = ""
    essai: bool = False
    lues: int = 0
    nouveaux: int = 0
    modifies: int = 0
    inchanges: int = 0
    disparus: int = 0
    # Importer-specific figures (merged duplicates…), keyed by code, with their labels.
    autres: dict[str, int] = field(default_factory=dict)
    libelles_autres: dict[str, str] = field(default_factory=dict)
    rejets: list[Rejet] = field(default_factory=list)  # the first AFFICHES, any severity
    par_raison: Counter = field(default_factory=Counter)
    gravites: Counter = field(default_factory=Counter)
    lignes_refusees: set = field(default_factory=set, repr=False)
    apercu: list[str] = field(default_factory=list)  # the diff, change by change
    chemin_rapport: str = ""
    journal_id: int | None = None
    max_lignes: int = 100_000
    omises: int = 0  # lines left out of the CSV report once it reached max_lignes
    a_fermer: list[str] = field(default_factory=list)  # what vanished and would be closed
    confirmation: list[str] = field(default_factory=list)  # why it needs a confirmation
    confirme: bool = False
    _sortie: IO | None = field(default=None, repr=False)
    _ecrivain: object = field(default=None, repr=False)

    # --- collecting ---------------------------------------------------------------------
    def ouvrir_journal(self, chemin: Path) -> None:
        """Open the CSV report at `chemin`, readable by its owner only (it holds the file's
        values: names, addresses, sometimes personal data)."""
        chemin.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descripteur = os.open(chemin, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descripteur, 0o600)  # an existing file keeps its mode otherwise
        self._sortie = open(descripteur, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._ecrivain = ecrivain_csv(self._sortie)  # a value read is never run as a formula
        self._ecrivain.writerow(ENTETE_CSV)
        self.chemin_rapport = str(chemin)

    def fermer_journal(self) -> None:
        if self._sortie is not None and self.omises:
            self._ecrivain.writerow(
                ["", "", "", f"{self.omises} autres signalements non écrits (rapport limité à "
                 f"{self.max_lignes} lignes ; voir les principales raisons)", ""]
            )  # fmt: skip
        if self._sortie is not None:
            self._sortie.close()
            self._sortie = None

    def signaler(self, rejet: Rejet) -> None:
        if self._ecrivain is not None:
            if self.gravites.total() < self.max_lignes:
                self._ecrivain.writerow(
                    [rejet.ligne, rejet.champ, rejet.valeur, rejet.raison, rejet.gravite]
                )
            else:
                self.omises += 1
        if rejet.gravite == REJET:
            self.lignes_refusees.add(rejet.ligne)
        self.gravites[rejet.gravite] += 1
        self.par_raison[f"{rejet.champ} : {rejet.raison.split(' : ')[0]}"] += 1
        if len(self.rejets) < AFFICHES:
            self.rejets.append(rejet)

    def refuser(self, ligne, champ: str, valeur, raison: str) -> None:
        self.signaler(Rejet(ligne, champ, str(valeur if valeur is not None else "")[:200], raison))

    def avertir(self, ligne, champ: str, valeur, raison: str) -> None:
        self.signaler(
            Rejet(ligne, champ, str(valeur if valeur is not None else "")[:200], raison, ALERTE)
        )

    def ignorer(self, ligne, champ: str, valeur, raison: str) -> None:
        """A row the mapping skips on purpose: neither imported nor refused."""
        self.signaler(Rejet(ligne, champ, str(valeur or "")[:200], raison, IGNOREE))
        self.autres["ignorees"] = self.autres.get("ignorees", 0) + 1
        self.libelles_autres.setdefault("ignorees", "lignes ignorées par la correspondance")

    def noter_fermeture(self, texte: str) -> None:
        """Something the import closes or deletes because its source no longer lists it."""
        self.disparus += 1
        if len(self.a_fermer) < 5 * AFFICHES:
            self.a_fermer.append(texte)
        self.noter_changement(f"disparu de la source : {texte}")

    def noter_changement(self, texte: str) -> None:
        if len(self.apercu) < AFFICHES:
            self.apercu.append(texte)

    # --- reading ------------------------------------------------------------------------
    @property
    def refusees(self) -> int:
        """Lines refused (a line with three faults is one refused line)."""
        return len(self.lignes_refusees)

    @property
    def avertissements(self) -> int:
        return self.gravites[ALERTE]

    @property
    def lignes_rejetees(self) -> list[Rejet]:
        return [r for r in self.rejets if r.gravite == REJET]

    @property
    def lignes_signalees(self) -> list[Rejet]:
        return [r for r in self.rejets if r.gravite != REJET]

    @property
    def modifications(self) -> int:
        return self.nouveaux + self.modifies + self.disparus

    @property
    def compteurs(self) -> dict[str, int]:
        """The figures, as stored in the record of imports."""
        return {
            "lues": self.lues, "nouveaux": self.nouveaux, "modifies": self.modifies,
            "inchanges": self.inchanges, "disparus": self.disparus, "refusees": self.refusees,
            "avertissements": self.avertissements, "corrections": self.gravites[CORRECTION],
            "suppressions": self.gravites[SUPPRESSION], **self.autres,
        }  # fmt: skip

    @property
    def arrete(self) -> bool:
        """Stopped by the guard: rolled back, waiting for a confirmation."""
        return bool(self.confirmation) and not self.confirme and not self.essai

    @property
    def titre(self) -> str:
        if self.essai:
            return "Essai à blanc, rien n'a été enregistré"
        if self.arrete:
            return "Import arrêté, rien n'a été enregistré (confirmation nécessaire)"
        return "Import enregistré"

    def lignes(self) -> list[str]:
        """The report as the CLI prints it (and the agent space shows it)."""
        titre = "ESSAI À BLANC, rien n'a été enregistré" if self.essai else self.titre
        origine = f"source « {self.source} », " if self.source else ""
        lignes = [
            f"{titre} — {self.libelle} : {origine}fichier {self.fichier}"
            + (f" ({self.format})" if self.format else ""),
            f"  Lignes lues : {self.lues} ; refusées : {self.refusees} ;"
            f" avertissements : {self.avertissements}",
            f"  Nouveaux : {self.nouveaux} ; modifiés : {self.modifies} ;"
            f" inchangés : {self.inchanges} ; disparus de la source : {self.disparus}",
        ]
        if self.gravites[CORRECTION] or self.gravites[SUPPRESSION]:
            lignes.append(
                f"  Valeurs corrigées : {self.gravites[CORRECTION]} ;"
                f" valeurs écartées : {self.gravites[SUPPRESSION]}"
            )
        if self.autres:
            autres = " ; ".join(
                f"{self.libelles_autres.get(k, k)} : {v}" for k, v in self.autres.items()
            )
            lignes.append("  " + autres[:1].upper() + autres[1:])
        if self.confirmation:
            etat = "confirmé par l'opérateur" if self.confirme else "demandera une confirmation"
            lignes.append(f"  Import {etat} : " + " ; ".join(self.confirmation))
        if self.par_raison:
            lignes.append("  Principales raisons :")
            lignes += [f"    {n} × {raison}" for raison, n in self.par_raison.most_common(10)]
        if self.chemin_rapport and self.rejets:
            lignes.append(
                f"  Rapport détaillé (ligne, champ, valeur, raison, gravité) : {self.chemin_rapport}"
            )
            if self.omises:
                lignes.append(
                    f"  (limité à {self.max_lignes} lignes : {self.omises} signalements de plus,"
                    " comptés dans les raisons ci-dessus)"
                )
        return lignes
