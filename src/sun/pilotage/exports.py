"""Actions as CSV or XLSX, for the spreadsheets the département already uses."""

import io

from openpyxl import Workbook

from sun.core.tableur import ajouter_ligne_xlsx, ecrivain_csv
from sun.pilotage.services import en_retard

COLONNES = ["Code", "Action", "Orientation", "Axe", "Statut", "Priorité", "Pilotes", "Partenaires",
            "Début", "Fin prévue", "En retard", "Étapes réalisées"]  # fmt: skip


def lignes(actions, aujourd_hui) -> list[list]:
    resultat = []
    for a in actions:
        etapes = list(a.etapes.all())
        pilotes = [p.get_full_name() or p.username for p in a.pilotes.all()] + list(
            a.pilotes_services
        )
        resultat.append([
            a.code, a.titre, f"{a.orientation.code}. {a.orientation.titre}", a.orientation.parent.titre if a.orientation.parent else "",
            a.get_statut_display(), a.get_priorite_display(), ", ".join(pilotes), ", ".join(a.partenaires),
            a.date_debut.isoformat() if a.date_debut else "", a.date_fin_prevue.isoformat() if a.date_fin_prevue else "",
            "oui" if en_retard(a, aujourd_hui) else "non", f"{sum(e.realisee for e in etapes)}/{len(etapes)}",
        ])  # fmt: skip
    return resultat


def en_csv(actions, aujourd_hui) -> str:
    sortie = io.StringIO()
    ecrivain = ecrivain_csv(sortie, delimiter=";")  # opens as columns in French spreadsheets
    ecrivain.writerow(COLONNES)
    ecrivain.writerows(lignes(actions, aujourd_hui))
    return "\ufeff" + sortie.getvalue()


def en_xlsx(actions, aujourd_hui) -> bytes:
    classeur = Workbook()
    feuille = classeur.active
    feuille.title = "Actions"
    feuille.append(COLONNES)
    for ligne in lignes(actions, aujourd_hui):
        ajouter_ligne_xlsx(feuille, ligne)  # text is never a formula
    sortie = io.BytesIO()
    classeur.save(sortie)
    return sortie.getvalue()
