"""The import of a GLPI ticket export on the shared pipeline (core.imports): open the file →
recognise its layout from the header (GLPI in French or English, `disposition`) → each row
(`convertir`) → the typology seeded with the new categories and the tickets synchronised by
their number (`ecriture`).

Each ticket becomes a request of source « glpi » whose `reference_externe` is the ticket's
ID: re-importing the same file writes nothing, a newer export updates the status and the close
date. The requester's and technician's names are read but never stored. A row is refused,
with its line and a French reason, when its ID, title or opening date is missing or unreadable,
its status unknown, or its ID already read higher in the file."""

from pathlib import Path

from sun.core.imports import Importeur, ImportImpossible, Lecture, Rapport, ouvrir
from sun.core.text import plier
from sun.projets.importation import disposition, ecriture
from sun.projets.importation.champs import (
    REALISEE,
    STATUTS,
    STATUTS_ATTENDUS,
    nature_de_categorie,
)
from sun.projets.importation.valeurs import chemin_categorie, date_heure, numero_ticket, une_ligne
from sun.projets.models import Demande, TypeDemande

LIBELLES = {
    "types_crees": "types de la typologie créés depuis les catégories GLPI",
    "sans_categorie": "tickets sans catégorie (sans type)",
}


class ImportTickets(Importeur):
    genre = "tickets_glpi"
    libelle = "Tickets GLPI (typologie et statistiques des demandes)"
    source = "GLPI"

    def ouvrir(self, chemin: Path) -> Lecture:
        lecture = ouvrir(Path(chemin))
        if lecture.colonnes is None:
            raise ImportImpossible("Fichier JSON : les tickets GLPI s'importent depuis l'export "
                                   "CSV de la liste des tickets.")  # fmt: skip
        self.correspondance = disposition.reconnaitre(list(lecture.colonnes))
        self.format_lu = f"{lecture.format}, disposition {self.correspondance.chemin}"
        return lecture

    def preparer(self, rapport: Rapport) -> None:
        rapport.source, rapport.format = self.source, self.format_lu
        rapport.libelles_autres.update(LIBELLES)
        self.types = {plier(t.libelle): t for t in TypeDemande.objects.all()}
        self.existants = set(
            Demande.objects.filter(source=Demande.Source.GLPI).values_list(
                "reference_externe", flat=True
            )
        )
        self.vus: dict[str, int] = {}

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        brut_id = str(ligne.get("id", "") or "")
        ref = numero_ticket(brut_id)
        titre = une_ligne(str(ligne.get("titre", "") or ""), 255)
        brut_statut = une_ligne(str(ligne.get("statut", "") or ""), 60)
        statut = STATUTS.get(plier(brut_statut))
        brut_ouverture = str(ligne.get("date_ouverture", "") or "")
        ouverte = date_heure(brut_ouverture)
        defauts = []
        if not ref:
            defauts.append(("id", brut_id, "numéro de ticket absent ou non numérique"))
        elif ref in self.vus:
            defauts.append(("id", brut_id, f"ticket déjà lu ligne {self.vus[ref]}"))
        if not titre:
            defauts.append(("titre", "", "titre absent"))
        if statut is None:
            defauts.append(("statut", brut_statut, "statut GLPI inconnu (attendus : "
                            f"{STATUTS_ATTENDUS})" if brut_statut else "statut absent"))  # fmt: skip
        if ouverte is None:
            defauts.append(("date_ouverture", brut_ouverture, "date d'ouverture absente ou "
                            "illisible (attendu AAAA-MM-JJ HH:MM ou JJ-MM-AAAA HH:MM)"))  # fmt: skip
        for champ, valeur, raison in defauts:
            rapport.refuser(numero, champ, valeur, raison)
        if defauts:
            return None
        self.vus[ref] = numero
        categorie = chemin_categorie(str(ligne.get("categorie", "") or ""))
        if not categorie:
            rapport.autres["sans_categorie"] = rapport.autres.get("sans_categorie", 0) + 1
        return {
            "reference_externe": ref, "titre": titre, "statut": statut, "creee_le": ouverte,
            "close_le": self._close_le(numero, ligne, statut, ouverte, rapport),
            "categorie": categorie, "nature": nature_de_categorie(categorie) if categorie else "incident",
            "description": f"Ticket GLPI n° {ref}.",
        }  # fmt: skip

    def _close_le(self, numero, ligne, statut, ouverte, rapport):
        """A resolved or closed ticket: its resolution (or closing) date, else its last
        update; never before its opening."""
        if statut != REALISEE:
            return None
        for champ in ("date_resolution", "date_cloture", "derniere_modification"):
            brut = str(ligne.get(champ, "") or "").strip()
            if not brut:
                continue
            lue = date_heure(brut)
            if lue is None:
                rapport.avertir(numero, champ, brut, "date illisible, ignorée")
                continue
            return max(lue, ouverte)
        rapport.avertir(numero, "derniere_modification", "", "ticket résolu sans date de "
                        "résolution ni de modification : close à sa date d'ouverture")  # fmt: skip
        return ouverte

    def ecrire(self, valeurs: list[dict], rapport: Rapport) -> None:
        # Only the categories of new tickets: a type merged or renamed in SUN is not created
        # again by re-importing tickets already known.
        categories = {v["categorie"] for v in valeurs
                      if v["categorie"] and v["reference_externe"] not in self.existants}  # fmt: skip
        crees = ecriture.types_manquants(categories, self.types)
        if crees:
            rapport.autres["types_crees"] = len(crees)
            for t in crees:
                rapport.noter_changement(f"type créé : {t.libelle} ({t.get_nature_display()})")
        ecriture.ecrire_tickets(valeurs, self.existants, self.types, rapport)
